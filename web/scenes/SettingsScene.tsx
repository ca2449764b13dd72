import { useMemo, useState } from "react";
import { App as AntApp, Flex, Tabs, Typography } from "antd";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { Grade } from "../../src/shared/enums.js";
import { loadMoreAction, type PagedList } from "../actions/engineActions.js";
import { createUserAction, saveGradesAction } from "../actions/settingsActions.js";
import { isApiError } from "../api/client.js";
import { useActionShortcuts } from "../actions/useActions.js";
import { auditKeys, searchAudit, type AuditSearch } from "../api/audit.js";
import {
  createApiToken,
  createUser,
  getFieldGrades,
  getRetention,
  revokeApiToken,
  setFieldGrades,
  setRetention,
  settingsKeys,
  updateUser,
  type FieldGrade,
  type UpdateUserInput,
} from "../api/settings.js";
import type { User } from "../api/types.js";
import { listUsers, userKeys } from "../api/users.js";
import { ActionButton } from "../components/ActionButton.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { errorMessage } from "../components/errors.js";
import { ApiTokensPanel, type IssuedToken } from "../components/settings/ApiTokensPanel.js";
import { AuditFilterBar } from "../components/settings/AuditFilterBar.js";
import { AuditLogTable } from "../components/settings/AuditLogTable.js";
import { FieldGradesTable } from "../components/settings/FieldGradesTable.js";
import { RetentionForm } from "../components/settings/RetentionForm.js";
import { UserDialog } from "../components/settings/UserDialog.js";
import { UsersTable } from "../components/settings/UsersTable.js";
import { useSessionUser } from "../session/useSession.js";

const TABS = ["users", "grades", "retention", "audit", "tokens"] as const;
type Tab = (typeof TABS)[number];
const CUSTOMER_FIELD_KEYS = "customer.field.";

/** Administration (SPEC §11): users and roles, graded management, retention, audit, API tokens. */
export function SettingsScene() {
  const { t } = useTranslation("settings");
  const { t: tt, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useSessionUser();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as Tab)
    : "users";

  // Users and roles.
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const users = useQuery({ queryKey: userKeys.all, queryFn: ({ signal }) => listUsers(signal) });
  const refreshUsers = () => queryClient.invalidateQueries({ queryKey: userKeys.all });
  const create = useMutation({ mutationFn: createUser, onSuccess: refreshUsers });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateUserInput }) => updateUser(id, input),
    onSuccess: refreshUsers,
  });
  const teams = useMemo(
    () =>
      [
        ...new Set((users.data ?? []).map((u) => u.teamName).filter((n): n is string => !!n)),
      ].sort(),
    [users.data],
  );

  // Field grades.
  const grades = useQuery({
    queryKey: settingsKeys.fieldGrades,
    queryFn: ({ signal }) => getFieldGrades(signal),
    enabled: tab === "grades",
  });
  const [draft, setDraft] = useState<Record<string, Grade>>({});
  const saveGrades = useMutation({
    mutationFn: setFieldGrades,
    onSuccess: (list) => {
      queryClient.setQueryData(settingsKeys.fieldGrades, list);
      setDraft({});
      void message.success(t("grades.saved"));
    },
  });
  const gradesDraft = {
    changed: Object.keys(draft).length,
    save: async () => {
      if (!grades.data) return;
      const list = Object.entries(draft).map(([key, grade]) => {
        const [entity, ...rest] = key.split(".");
        return { entity: entity as FieldGrade["entity"], field: rest.join("."), grade };
      });
      await saveGrades
        .mutateAsync({ version: grades.data.version, grades: list })
        .catch((error: unknown) => {
          if (isApiError(error, "stale_write")) {
            // Load the other admin's grades under the draft, which stays to be saved again.
            void message.error(t("grades.stale"));
            void grades.refetch();
          } else void message.error(errorMessage(tt, error));
        });
    },
  };
  useActionShortcuts([saveGradesAction], gradesDraft);
  const fieldLabel = (item: FieldGrade) => {
    const key = `${CUSTOMER_FIELD_KEYS}${item.field}`;
    if (item.entity === "customer" && i18n.exists(key)) return tt(key as "customer.field.name");
    if (item.entity === "contact")
      return t(`contactField.${item.field as "phone"}`, { defaultValue: item.field });
    return item.field;
  };

  // Retention.
  const retention = useQuery({
    queryKey: settingsKeys.retention,
    queryFn: ({ signal }) => getRetention(signal),
    enabled: tab === "retention",
  });
  const saveRetention = useMutation({
    mutationFn: setRetention,
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.retention, saved),
  });
  const refreshRetention = () =>
    queryClient.invalidateQueries({ queryKey: settingsKeys.retention });

  // Audit log.
  const [search, setSearch] = useState<AuditSearch>({});
  const audit = useInfiniteQuery({
    queryKey: auditKeys.search(search),
    queryFn: ({ pageParam, signal }) =>
      searchAudit({ ...search, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: tab === "audit",
  });
  const auditPaged: PagedList = {
    hasNextPage: audit.hasNextPage,
    isFetchingNextPage: audit.isFetchingNextPage,
    fetchNextPage: () => audit.fetchNextPage(),
  };

  // API tokens issued on this page.
  const [issued, setIssued] = useState<IssuedToken[]>([]);

  const dialog = { open: () => setEditing("new") };
  const items = [
    {
      key: "users",
      label: t("tabs.users"),
      children: users.isError ? (
        <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t("users.explain")}</Typography.Text>
            <ActionButton action={createUserAction} arg={dialog} type="primary" />
          </Flex>
          <UsersTable
            users={users.data ?? []}
            loading={users.isPending}
            meId={me?.id}
            onEdit={setEditing}
            onToggleActive={(user) =>
              update
                .mutateAsync({
                  id: user.id,
                  input: { version: user.version, active: !user.active },
                })
                .then(() =>
                  message.success(
                    user.active
                      ? t("users.deactivated", { name: user.name })
                      : t("users.activated", { name: user.name }),
                  ),
                )
                .catch((error: unknown) => message.error(errorMessage(tt, error)))
            }
          />
        </Flex>
      ),
    },
    {
      key: "grades",
      label: t("tabs.grades"),
      children: grades.isError ? (
        <ErrorResult error={grades.error} onRetry={() => void grades.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" gap={12}>
            <Typography.Text type="secondary">{t("grades.explain")}</Typography.Text>
            <ActionButton action={saveGradesAction} arg={gradesDraft} type="primary" />
          </Flex>
          {grades.data ? (
            <FieldGradesTable
              list={grades.data}
              draft={draft}
              disabled={saveGrades.isPending}
              fieldLabel={fieldLabel}
              onChange={(item) => {
                const key = `${item.entity}.${item.field}`;
                const stored = grades.data.fields.find(
                  (f) => f.entity === item.entity && f.field === item.field,
                );
                setDraft((current) => {
                  const next = { ...current };
                  if (stored?.grade === item.grade) delete next[key];
                  else next[key] = item.grade;
                  return next;
                });
              }}
            />
          ) : null}
        </Flex>
      ),
    },
    {
      key: "retention",
      label: t("tabs.retention"),
      children: retention.isError ? (
        <ErrorResult error={retention.error} onRetry={() => void retention.refetch()} />
      ) : retention.data ? (
        <RetentionForm
          retention={retention.data}
          onSubmit={saveRetention.mutateAsync}
          onSaved={() => void message.success(t("retention.saved"))}
          onStale={() => void refreshRetention()}
        />
      ) : null,
    },
    {
      key: "audit",
      label: t("tabs.audit"),
      children: (
        <Flex vertical gap={12}>
          <AuditFilterBar search={search} users={users.data ?? []} onChange={setSearch} />
          {audit.isError ? (
            <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} />
          ) : (
            <AuditLogTable
              entries={audit.data?.pages.flatMap((page) => page.items) ?? []}
              loading={audit.isPending || (audit.isPlaceholderData && audit.isFetching)}
              empty={<EmptyHint title={t("audit.emptyTitle")} hint={t("audit.emptyHint")} />}
            />
          )}
          {audit.hasNextPage ? (
            <Flex justify="end">
              <ActionButton action={loadMoreAction} arg={auditPaged} />
            </Flex>
          ) : null}
        </Flex>
      ),
    },
    {
      key: "tokens",
      label: t("tabs.tokens"),
      children: (
        <ApiTokensPanel
          issued={issued}
          onCreate={async (input) => {
            const created = await createApiToken(input);
            setIssued((list) => [
              { ...created, name: input.name, scopes: input.scopes, revoked: false },
              ...list,
            ]);
            return created;
          }}
          onRevoke={async (token) => {
            try {
              await revokeApiToken(token.id);
              setIssued((list) =>
                list.map((x) => (x.id === token.id ? { ...x, revoked: true } : x)),
              );
            } catch (error) {
              void message.error(errorMessage(tt, error));
            }
          }}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <SceneHeader title={t("title")} subtitle={t("subtitle")} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "users" ? {} : { tab: key }, { replace: true })}
        items={items}
      />
      <UserDialog
        user={
          editing === "new" || editing === null
            ? editing
            : // The latest version of the user, once a stale write has reloaded the list.
              (users.data?.find((u) => u.id === editing.id) ?? editing)
        }
        teams={teams}
        onClose={() => setEditing(null)}
        onCreate={create.mutateAsync}
        onUpdate={(id, input) => update.mutateAsync({ id, input })}
        onStale={() => void refreshUsers()}
      />
    </Flex>
  );
}
