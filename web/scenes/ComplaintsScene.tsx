import { useMemo, useState } from "react";
import { App as AntApp, Flex, Segmented, Space, Switch, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { receiveComplaintAction } from "../actions/complaintsActions.js";
import { canWrite } from "../actions/engineAccess.js";
import { useActionShortcuts } from "../actions/useActions.js";
import {
  advanceComplaint,
  complaintKeys,
  listComplaints,
  receiveComplaint,
  type AdvanceComplaintInput,
  type Complaint,
} from "../api/complaints.js";
import { useCustomerChoices } from "../api/customerChoices.js";
import { ActionButton } from "../components/ActionButton.js";
import { AdvanceComplaintDialog } from "../components/complaints/AdvanceComplaintDialog.js";
import { ClosedComplaintsTable } from "../components/complaints/ClosedComplaintsTable.js";
import { ComplaintBoard } from "../components/complaints/ComplaintBoard.js";
import { ReceiveComplaintDialog } from "../components/complaints/ReceiveComplaintDialog.js";
import { CustomerSelect } from "../components/engine/CustomerSelect.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { useNow } from "../components/engine/useNow.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { useSessionUser } from "../session/useSession.js";

/** The board holds every open complaint; beyond this many, the oldest are shown first. */
const BOARD_LIMIT = 200;

/** Complaints (SPEC §10): the four steps as columns with SLA timers, and the closed ones. */
export function ComplaintsScene() {
  const { t } = useTranslation("complaints");
  const { t: te } = useTranslation("engine");
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const now = useNow(30_000);
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "closed" ? "closed" : "board";
  const overdueOnly = params.get("overdue") === "true";
  const customerParam = Number(params.get("customerId"));
  const customerId =
    Number.isSafeInteger(customerParam) && customerParam > 0 ? customerParam : undefined;
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const [receiving, setReceiving] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const picker = useCustomerChoices();
  const filterPicker = useCustomerChoices();

  const openQuery = {
    open: "true" as const,
    order: "asc" as const,
    limit: BOARD_LIMIT,
    customerId,
    ...(overdueOnly ? { overdue: "true" as const } : {}),
  };
  const board = useQuery({
    queryKey: complaintKeys.list(openQuery),
    queryFn: ({ signal }) => listComplaints(openQuery, signal),
    refetchInterval: 60_000,
  });
  const closedQuery = { step: ["closed" as const], limit: 100, customerId };
  const closed = useQuery({
    queryKey: complaintKeys.list(closedQuery),
    queryFn: ({ signal }) => listComplaints(closedQuery, signal),
    enabled: view === "closed",
  });

  const invalidate = () => queryClient.invalidateQueries({ queryKey: complaintKeys.all });
  const receive = useMutation({ mutationFn: receiveComplaint, onSuccess: invalidate });
  const advance = useMutation({
    mutationFn: ({ id, input }: { id: number; input: AdvanceComplaintInput }) =>
      advanceComplaint(id, input),
    onSuccess: invalidate,
  });

  const all = useMemo(
    () => [...(board.data?.items ?? []), ...(closed.data?.items ?? [])],
    [board.data, closed.data],
  );
  const opened = all.find((c) => c.id === openId) ?? null;
  const nameOf = (id: number) => picker.nameOf(id) ?? filterPicker.nameOf(id);
  const dialog = { open: () => setReceiving(true) };
  useActionShortcuts([receiveComplaintAction], dialog);
  const overdueCount = (board.data?.items ?? []).filter(
    (c) => c.stepDueAt !== null && new Date(c.stepDueAt).getTime() < now,
  ).length;

  const onAdvanced = (saved: Complaint) => {
    setOpenId(null);
    void message.success(
      t("advance.done", { title: saved.title, step: te(`complaintStep.${saved.step}`) }),
    );
  };

  return (
    <Flex vertical gap={16}>
      <SceneHeader
        title={t("title")}
        subtitle={t("subtitle")}
        extra={<ActionButton action={receiveComplaintAction} arg={dialog} type="primary" />}
      />
      <Flex wrap gap={12} align="center" justify="space-between">
        <Space wrap size={12}>
          <Segmented
            value={view}
            onChange={(value) => setParam("view", value === "closed" ? "closed" : undefined)}
            options={[
              { value: "board", label: t("view.board") },
              { value: "closed", label: t("view.closed") },
            ]}
          />
          <div style={{ width: 260 }}>
            <CustomerSelect
              value={customerId}
              onChange={(id) => setParam("customerId", id ? String(id) : undefined)}
              choices={filterPicker.choices}
              loading={filterPicker.loading}
              onSearch={filterPicker.onSearch}
            />
          </div>
          {view === "board" ? (
            <Space>
              <Switch
                id="overdue-only"
                checked={overdueOnly}
                onChange={(checked) => setParam("overdue", checked ? "true" : undefined)}
              />
              <label htmlFor="overdue-only">{t("overdueOnly")}</label>
            </Space>
          ) : null}
        </Space>
        {view === "board" && board.data ? (
          <Typography.Text type={overdueCount ? "danger" : "secondary"} aria-live="polite">
            {t("summary", { count: board.data.items.length, overdue: overdueCount })}
          </Typography.Text>
        ) : null}
      </Flex>
      {view === "board" ? (
        board.isError ? (
          <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
        ) : board.data && board.data.items.length === 0 && !overdueOnly && !customerId ? (
          <EmptyHint
            title={t("empty.title")}
            hint={t("empty.hint")}
            action={<ActionButton action={receiveComplaintAction} arg={dialog} type="primary" />}
          />
        ) : (
          <ComplaintBoard
            complaints={board.data?.items ?? []}
            nameOf={nameOf}
            now={now}
            onOpen={(c) => setOpenId(c.id)}
          />
        )
      ) : closed.isError ? (
        <ErrorResult error={closed.error} onRetry={() => void closed.refetch()} />
      ) : (
        <ClosedComplaintsTable
          complaints={closed.data?.items ?? []}
          loading={closed.isPending}
          nameOf={nameOf}
          onOpen={(c) => setOpenId(c.id)}
          empty={<EmptyHint title={t("closed.emptyTitle")} hint={t("closed.emptyHint")} />}
        />
      )}
      <ReceiveComplaintDialog
        open={receiving}
        onClose={() => setReceiving(false)}
        customerPicker={picker}
        onSubmit={receive.mutateAsync}
        onReceived={(c) => {
          setReceiving(false);
          void message.success(t("receive.done", { title: c.title }));
        }}
      />
      <AdvanceComplaintDialog
        complaint={opened}
        customerName={opened ? nameOf(opened.customerId) : undefined}
        canAdvance={canWrite(user?.role)}
        onClose={() => setOpenId(null)}
        onSubmit={(id, input) => advance.mutateAsync({ id, input })}
        onAdvanced={onAdvanced}
        onStale={() => void invalidate()}
      />
    </Flex>
  );
}
