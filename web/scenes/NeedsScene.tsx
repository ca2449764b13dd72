import { useMemo, useState } from "react";
import { App as AntApp, Badge, Button, Flex, Tabs, Typography } from "antd";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { NEED_KINDS, NEED_LEVELS, NEED_SOURCES, NEED_STATUSES } from "../../src/shared/enums.js";
import { canWrite } from "../actions/engineAccess.js";
import { loadMoreAction, type PagedList } from "../actions/engineActions.js";
import { recordNeedAction } from "../actions/needsActions.js";
import { useActionShortcuts } from "../actions/useActions.js";
import { useCustomerChoices, type CustomerChoice } from "../api/customerChoices.js";
import {
  listNeeds,
  listUnmetCore,
  needKeys,
  useRecordNeed,
  useUpdateNeed,
  type Need,
  type NeedsQuery,
} from "../api/needs.js";
import { ActionButton } from "../components/ActionButton.js";
import { CustomerSelect } from "../components/engine/CustomerSelect.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { EditNeedDrawer } from "../components/needs/EditNeedDrawer.js";
import { NeedFilterBar, type NeedFilters } from "../components/needs/NeedFilterBar.js";
import { NeedsTable } from "../components/needs/NeedsTable.js";
import { RecordNeedDialog } from "../components/needs/RecordNeedDialog.js";
import { UnmetCoreTable } from "../components/needs/UnmetCoreTable.js";
import { useSessionUser } from "../session/useSession.js";
import { NeedsResearchTab } from "./NeedsResearchTab.js";

const PAGE_SIZE = 50;

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] | undefined {
  const kept = values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  return kept.length ? kept : undefined;
}

/** The list's filters live in the URL, so a filtered view can be shared and bookmarked. */
function parseNeedsParams(params: URLSearchParams) {
  const customerId = Number(params.get("customerId"));
  const filters: NeedFilters = {
    level: oneOf(NEED_LEVELS, params.getAll("level")),
    kind: oneOf(NEED_KINDS, params.getAll("kind")),
    status: oneOf(NEED_STATUSES, params.getAll("status")),
    source: oneOf(NEED_SOURCES, params.getAll("source")),
  };
  return {
    view:
      (["unmet", "research"] as const).find((v) => v === params.get("view")) ?? ("all" as const),
    customerId: Number.isSafeInteger(customerId) && customerId > 0 ? customerId : undefined,
    filters,
  };
}

function toParams(state: ReturnType<typeof parseNeedsParams>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== "all") params.set("view", state.view);
  if (state.customerId) params.set("customerId", String(state.customerId));
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of (values as string[] | undefined) ?? []) params.append(key, value);
  }
  return params;
}

/** Customer needs (SPEC §3): every need by level, kind and status, and the customers flagged. */
export function NeedsScene() {
  const { t } = useTranslation("needs");
  const { message } = AntApp.useApp();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseNeedsParams(params), [params]);
  const update = (next: Partial<ReturnType<typeof parseNeedsParams>>) =>
    setParams(toParams({ ...state, ...next }), { replace: true });

  const [recording, setRecording] = useState<CustomerChoice | "pick" | null>(null);
  const [openNeedId, setOpenNeedId] = useState<number | null>(null);
  const picker = useCustomerChoices();
  const filterPicker = useCustomerChoices();
  const record = useRecordNeed();
  const updateNeed = useUpdateNeed();

  const query: NeedsQuery = { ...state.filters, customerId: state.customerId, limit: PAGE_SIZE };
  const needs = useInfiniteQuery({
    queryKey: needKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listNeeds({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const unmet = useQuery({
    queryKey: needKeys.unmetCore({ limit: 200 }),
    queryFn: ({ signal }) => listUnmetCore({ limit: 200 }, signal),
  });
  const rows = useMemo(() => needs.data?.pages.flatMap((page) => page.items) ?? [], [needs.data]);
  const openNeed = rows.find((need) => need.id === openNeedId) ?? null;

  // Names the page already knows: the flagged customers and those met in a customer search.
  const names = useMemo(() => {
    const map = new Map<number, string>();
    for (const row of unmet.data?.items ?? []) map.set(row.customerId, row.name);
    return map;
  }, [unmet.data]);
  const nameOf = (id: number) =>
    names.get(id) ?? picker.nameOf(id) ?? filterPicker.nameOf(id) ?? undefined;

  const dialog = { open: () => setRecording("pick") };
  useActionShortcuts([recordNeedAction], dialog);
  const paged: PagedList = {
    hasNextPage: needs.hasNextPage,
    isFetchingNextPage: needs.isFetchingNextPage,
    fetchNextPage: () => needs.fetchNextPage(),
  };
  const filtered =
    state.customerId !== undefined || Object.values(state.filters).some((v) => v !== undefined);
  const flagged = unmet.data?.items.length ?? 0;

  const list = needs.isError ? (
    <ErrorResult error={needs.error} onRetry={() => void needs.refetch()} />
  ) : (
    <Flex vertical gap={12}>
      <NeedFilterBar
        filters={state.filters}
        onChange={(filters) => update({ filters })}
        customer={
          <CustomerSelect
            value={state.customerId}
            onChange={(customerId) => update({ customerId })}
            choices={filterPicker.choices}
            loading={filterPicker.loading}
            onSearch={filterPicker.onSearch}
            selectedName={state.customerId ? nameOf(state.customerId) : undefined}
          />
        }
        extra={
          filtered ? (
            <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t("clearFilters")}
            </Button>
          ) : null
        }
      />
      <NeedsTable
        needs={rows}
        loading={needs.isPending || (needs.isPlaceholderData && needs.isFetching)}
        nameOf={nameOf}
        onOpen={(need: Need) => setOpenNeedId(need.id)}
        empty={
          <EmptyHint
            title={filtered ? t("empty.filteredTitle") : t("empty.title")}
            hint={filtered ? t("empty.filteredHint") : t("empty.hint")}
            action={
              canWrite(user?.role) ? (
                <ActionButton action={recordNeedAction} arg={dialog} type="primary" />
              ) : null
            }
          />
        }
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" aria-live="polite">
          {t("shown", { count: rows.length })}
        </Typography.Text>
        {needs.hasNextPage ? <ActionButton action={loadMoreAction} arg={paged} /> : null}
      </Flex>
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <SceneHeader
        title={t("title")}
        subtitle={t("subtitle")}
        extra={<ActionButton action={recordNeedAction} arg={dialog} type="primary" />}
      />
      <Tabs
        activeKey={state.view}
        onChange={(view) =>
          update({ view: view === "unmet" || view === "research" ? view : "all" })
        }
        items={[
          { key: "all", label: t("tabs.all"), children: list },
          {
            key: "unmet",
            label: (
              <span>
                {t("tabs.unmet")} <Badge count={flagged} overflowCount={199} color="magenta" />
              </span>
            ),
            children: unmet.isError ? (
              <ErrorResult error={unmet.error} onRetry={() => void unmet.refetch()} />
            ) : (
              <Flex vertical gap={12}>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t("unmet.explain")}
                </Typography.Paragraph>
                <UnmetCoreTable
                  rows={unmet.data?.items ?? []}
                  loading={unmet.isPending}
                  onShowNeeds={(row) =>
                    update({
                      view: "all",
                      customerId: row.customerId,
                      filters: { level: ["core"] },
                    })
                  }
                  onRecord={
                    canWrite(user?.role)
                      ? (row) => setRecording({ id: row.customerId, name: row.name })
                      : undefined
                  }
                  empty={<EmptyHint title={t("unmet.emptyTitle")} hint={t("unmet.emptyHint")} />}
                />
              </Flex>
            ),
          },
          {
            key: "research",
            label: t("tabs.research"),
            children: (
              <NeedsResearchTab customerId={state.customerId} nameOf={nameOf} needs={rows} />
            ),
          },
        ]}
      />
      <RecordNeedDialog
        open={recording !== null}
        onClose={() => setRecording(null)}
        onSubmit={record.mutateAsync}
        onRecorded={(need) => void message.success(t("record.saved", { title: need.title }))}
        customer={recording !== null && recording !== "pick" ? recording : undefined}
        customerPicker={picker}
      />
      <EditNeedDrawer
        need={openNeed}
        customerName={openNeed?.customerId ? nameOf(openNeed.customerId) : undefined}
        canEdit={canWrite(user?.role)}
        onClose={() => setOpenNeedId(null)}
        onSubmit={(id, input) => updateNeed.mutateAsync({ id, input })}
        onStale={() => void needs.refetch()}
      />
    </Flex>
  );
}
