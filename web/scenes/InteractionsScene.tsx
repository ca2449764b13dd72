import { useMemo, useState } from "react";
import { App as AntApp, Flex, Segmented, Space, Tabs, Typography } from "antd";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { canWrite } from "../actions/engineAccess.js";
import { loadMoreAction, type PagedList } from "../actions/engineActions.js";
import { createPlanAction, recordInteractionAction } from "../actions/interactionsActions.js";
import { useActionShortcuts } from "../actions/useActions.js";
import { useCustomerChoices } from "../api/customerChoices.js";
import {
  createPlan,
  interactionKeys,
  listDuePlans,
  listInteractions,
  listPlans,
  recordInteraction,
  updatePlan,
  type InteractionPlan,
  type UpdatePlanInput,
} from "../api/interactions.js";
import { ActionButton } from "../components/ActionButton.js";
import { errorMessage } from "../components/errors.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { DuePlansList } from "../components/interactions/DuePlansList.js";
import { InteractionsTable } from "../components/interactions/InteractionsTable.js";
import { PlanDrawer } from "../components/interactions/PlanDrawer.js";
import { PlansTable } from "../components/interactions/PlansTable.js";
import {
  RecordInteractionDialog,
  type InteractionStart,
} from "../components/interactions/RecordInteractionDialog.js";
import { useSessionUser } from "../session/useSession.js";

const TABS = ["due", "plans", "interactions"] as const;
type Tab = (typeof TABS)[number];
const HORIZONS = [7, 14, 30, 90] as const;

/** Customer interaction (SPEC §10): plans with goals and deadlines, what is due, and the record. */
export function InteractionsScene() {
  const { t } = useTranslation("interactions");
  const { t: tt } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const writer = canWrite(user?.role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as Tab)
    : "due";
  const [days, setDays] = useState<number>(14);
  const [recording, setRecording] = useState<InteractionStart | null>(null);
  const [openPlan, setOpenPlan] = useState<InteractionPlan | "new" | null>(null);
  const picker = useCustomerChoices();

  const due = useQuery({
    queryKey: interactionKeys.due({ days, limit: 100 }),
    queryFn: ({ signal }) => listDuePlans({ days, limit: 100 }, signal),
    placeholderData: keepPreviousData,
  });
  const plans = useInfiniteQuery({
    queryKey: interactionKeys.plans({ limit: 50 }),
    queryFn: ({ pageParam, signal }) =>
      listPlans({ limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: tab === "plans",
  });
  const interactions = useInfiniteQuery({
    queryKey: interactionKeys.list({ limit: 50 }),
    queryFn: ({ pageParam, signal }) =>
      listInteractions({ limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: tab === "interactions",
  });
  const planRows = useMemo(() => plans.data?.pages.flatMap((p) => p.items) ?? [], [plans.data]);
  const interactionRows = useMemo(
    () => interactions.data?.pages.flatMap((p) => p.items) ?? [],
    [interactions.data],
  );

  const invalidate = () => queryClient.invalidateQueries({ queryKey: interactionKeys.all });
  const record = useMutation({ mutationFn: recordInteraction, onSuccess: invalidate });
  const create = useMutation({ mutationFn: createPlan, onSuccess: invalidate });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdatePlanInput }) => updatePlan(id, input),
    onSuccess: invalidate,
  });
  const markMet = (plan: InteractionPlan, index: number) =>
    update
      .mutateAsync({
        id: plan.id,
        input: {
          version: plan.version,
          goals: plan.goals.map((g, i) => (i === index ? { ...g, met: true } : g)),
        },
      })
      .then(() => message.success(t("due.metDone", { goal: plan.goals[index]?.text ?? "" })))
      .catch((error: unknown) => message.error(errorMessage(tt, error)));

  const dialog = { open: () => setRecording({}) };
  const drawer = { open: () => setOpenPlan("new") };
  useActionShortcuts([recordInteractionAction], dialog);
  const paged = (q: typeof plans | typeof interactions): PagedList => ({
    hasNextPage: q.hasNextPage,
    isFetchingNextPage: q.isFetchingNextPage,
    fetchNextPage: () => q.fetchNextPage(),
  });

  const items = [
    {
      key: "due",
      label: t("tabs.due"),
      children: (
        <Flex vertical gap={12}>
          <Space>
            <Typography.Text>{t("due.within")}</Typography.Text>
            <Segmented
              value={days}
              onChange={(v) => setDays(Number(v))}
              options={HORIZONS.map((d) => ({ value: d, label: t("due.days", { count: d }) }))}
            />
          </Space>
          {due.isError ? (
            <ErrorResult error={due.error} onRetry={() => void due.refetch()} />
          ) : due.data && due.data.items.length === 0 ? (
            <EmptyHint
              title={t("due.emptyTitle", { count: days })}
              hint={t("due.emptyHint")}
              action={<ActionButton action={createPlanAction} arg={drawer} />}
            />
          ) : (
            <DuePlansList
              due={due.data?.items ?? []}
              nameOf={picker.nameOf}
              canWrite={writer}
              onGoalMet={(plan, index) => void markMet(plan, index)}
              onRecord={(plan) => setRecording({ plan })}
              onOpen={setOpenPlan}
            />
          )}
        </Flex>
      ),
    },
    {
      key: "plans",
      label: t("tabs.plans"),
      children: plans.isError ? (
        <ErrorResult error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="end">
            <ActionButton action={createPlanAction} arg={drawer} />
          </Flex>
          <PlansTable
            plans={planRows}
            loading={plans.isPending}
            nameOf={picker.nameOf}
            onOpen={setOpenPlan}
            empty={<EmptyHint title={t("plan.emptyTitle")} hint={t("plan.emptyHint")} />}
          />
          {plans.hasNextPage ? <ActionButton action={loadMoreAction} arg={paged(plans)} /> : null}
        </Flex>
      ),
    },
    {
      key: "interactions",
      label: t("tabs.interactions"),
      children: interactions.isError ? (
        <ErrorResult error={interactions.error} onRetry={() => void interactions.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <InteractionsTable
            interactions={interactionRows}
            loading={interactions.isPending}
            nameOf={picker.nameOf}
            empty={
              <EmptyHint
                title={t("record.emptyTitle")}
                hint={t("record.emptyHint")}
                action={
                  <ActionButton action={recordInteractionAction} arg={dialog} type="primary" />
                }
              />
            }
          />
          {interactions.hasNextPage ? (
            <ActionButton action={loadMoreAction} arg={paged(interactions)} />
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <SceneHeader
        title={t("title")}
        subtitle={t("subtitle")}
        extra={<ActionButton action={recordInteractionAction} arg={dialog} type="primary" />}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "due" ? {} : { tab: key }, { replace: true })}
        items={items}
      />
      <RecordInteractionDialog
        start={recording}
        picker={picker}
        onClose={() => setRecording(null)}
        onSubmit={record.mutateAsync}
        onRecorded={() => {
          setRecording(null);
          void message.success(t("record.done"));
        }}
      />
      <PlanDrawer
        plan={
          openPlan === "new" || openPlan === null
            ? openPlan
            : // The latest version of it, once a stale write has reloaded the lists.
              (planRows.find((p) => p.id === openPlan.id) ??
              due.data?.items.find((d) => d.plan.id === openPlan.id)?.plan ??
              openPlan)
        }
        picker={picker}
        canEdit={writer}
        onClose={() => setOpenPlan(null)}
        onCreate={create.mutateAsync}
        onUpdate={(id, input) => update.mutateAsync({ id, input })}
        onStale={() => void invalidate()}
      />
    </Flex>
  );
}
