import { useState } from "react";
import { Alert, App as AntApp, Flex, Form, Space, Tabs, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import {
  backToCustomersAction,
  cancelCustomerEditAction,
  editCustomerAction,
  reloadCustomerAction,
  saveCustomerAction,
  type CustomerEditState,
} from "../actions/customerActions.js";
import { useActionShortcuts } from "../actions/useActions.js";
import { isApiError } from "../api/client.js";
import { customerKeys, getCustomer, patchCustomer } from "../api/customers.js";
import { customer360Keys } from "../api/customer360.js";
import type { Customer, CustomerPatch } from "../api/types.js";
import { ActionButton } from "../components/ActionButton.js";
import { CustomerEditForm } from "../components/customer/CustomerEditForm.js";
import { CustomerProfile } from "../components/customer/CustomerProfile.js";
import { groupsFor } from "../components/customer/customerFields.js";
import { customerPatch } from "../components/customer/customerForm.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { errorMessage } from "../components/errors.js";
import { FullPageSpin } from "../components/FullPageSpin.js";
import { StageTag } from "../components/StageTag.js";
import { useFormat } from "../i18n/useFormat.js";
import { moveCustomerAction } from "../actions/ladderActions.js";
import { recordNeedAction } from "../actions/customer360Actions.js";
import { CUSTOMER_TABS, useCustomer360Tabs, type CustomerTab } from "./Customer360Tabs.js";

/**
 * Customer 360: the profile (editable with optimistic concurrency), contacts, the ladder with its
 * upgrade conditions, needs, the delivery spiral, interactions, complaints, transactions, scores
 * and bonds, and the next best actions with one click to act on them.
 */
export function CustomerScene() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0)
    return <ErrorResult error={new Error(t("customer.notFound"))} />;
  return <CustomerView id={id} />;
}

function CustomerView({ id }: { id: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const tab: CustomerTab = CUSTOMER_TABS.find((key) => key === params.get("tab")) ?? "profile";
  const setTab = (next: CustomerTab) =>
    setParams(next === "profile" ? {} : { tab: next }, { replace: true });
  const sections = useCustomer360Tabs({ id, tab, setTab, editing });

  const customer = useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
  });

  const save = useMutation({
    mutationFn: (patch: CustomerPatch) => patchCustomer(id, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(customerKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: [...customerKeys.all, "list"] });
      void queryClient.invalidateQueries({ queryKey: customer360Keys.view(id) });
      setEditing(false);
      setConflict(false);
      void message.success(t("customer.saved"));
    },
    onError: async (error) => {
      if (isApiError(error, "stale_write")) {
        // Load the version someone else saved; the form re-opens on it (keyed by version).
        setConflict(true);
        await queryClient.invalidateQueries({ queryKey: customerKeys.detail(id) });
        return;
      }
      if (
        isApiError(error, "validation_error") &&
        error.field &&
        form.getFieldInstance(error.field)
      ) {
        form.setFields([{ name: error.field, errors: [error.message] }]);
        form.scrollToField(error.field);
        return;
      }
      setFailure(errorMessage(t, error));
    },
  });

  const data: Customer | undefined = customer.data;
  const editState: CustomerEditState = {
    id,
    editing,
    saving: save.isPending,
    startEditing: () => {
      setConflict(false);
      setFailure(null);
      setEditing(true);
    },
    cancel: () => {
      setEditing(false);
      setConflict(false);
      setFailure(null);
    },
    save: async () => {
      if (!data) return;
      setFailure(null);
      let values: Record<string, unknown>;
      try {
        values = await form.validateFields();
      } catch {
        return; // The form shows what is wrong.
      }
      const fields = groupsFor(data.kind).flatMap((group) => group.fields);
      const patch = customerPatch(data, fields, values);
      if (!patch) {
        void message.info(t("customer.noChanges"));
        setEditing(false);
        return;
      }
      await save.mutateAsync(patch).catch(() => undefined);
    },
  };
  const commands = [
    editCustomerAction,
    saveCustomerAction,
    cancelCustomerEditAction,
    reloadCustomerAction,
  ];
  useActionShortcuts(commands, editState);

  if (customer.isPending) return <FullPageSpin />;
  if (customer.isError || !data) {
    const notFound = isApiError(customer.error, "not_found");
    return (
      <ErrorResult
        error={notFound ? new Error(t("customer.notFound")) : customer.error}
        onRetry={notFound ? undefined : () => void customer.refetch()}
      />
    );
  }

  const profile = editing ? (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t("customer.readOnlyHint")}</Typography.Text>
      <CustomerEditForm key={data.version} customer={data} form={form} disabled={save.isPending} />
    </Flex>
  ) : (
    <CustomerProfile customer={data} />
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <Space orientation="vertical" size={4}>
          <ActionButton action={backToCustomersAction} type="link" style={{ paddingInline: 0 }} />
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {data.name}
            </Typography.Title>
            <Tag>{t(`kind.${data.kind}`)}</Tag>
            {data.stage ? <StageTag stage={data.stage} /> : null}
            {data.archivedAt ? (
              <Tag color="default">
                {t("customer.archived", { date: format.date(data.archivedAt) })}
              </Tag>
            ) : null}
          </Space>
          <Typography.Text type="secondary">
            {[
              data.ownerName ? t("customer.owner", { name: data.ownerName }) : null,
              data.stageSince
                ? t("customer.stageSince", { date: format.date(data.stageSince) })
                : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
        </Space>
        <Space wrap>
          <ActionButton action={moveCustomerAction} arg={{ open: sections.openMove }} />
          <ActionButton action={recordNeedAction} arg={{ open: sections.openRecordNeed }} />
          {commands.map((action) => (
            <ActionButton
              key={action.name}
              action={action}
              arg={editState}
              type={action === saveCustomerAction ? "primary" : "default"}
            />
          ))}
        </Space>
      </Flex>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-write"
          title={t("customer.conflictTitle")}
          description={t("customer.conflictBody")}
          closable={{ onClose: () => setConflict(false) }}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
      {sections.nextActions}
      <Tabs
        activeKey={editing ? "profile" : tab}
        onChange={(key) => setTab(key as CustomerTab)}
        items={[
          { key: "profile", label: t("customer.profileTab"), children: profile },
          ...sections.tabs.map((section) => ({ ...section, disabled: editing })),
        ]}
      />
      {sections.dialogs}
    </Flex>
  );
}
