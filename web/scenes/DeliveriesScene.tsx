import { useMemo, useState } from "react";
import { App as AntApp, Card, Col, Flex, Row, Segmented, Typography } from "antd";
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
import { planDeliveryAction } from "../actions/deliveriesActions.js";
import { useActionShortcuts } from "../actions/useActions.js";
import { useCustomerChoices } from "../api/customerChoices.js";
import {
  cancelDelivery,
  deliver,
  deliveryKeys,
  evaluateDelivery,
  getSpiral,
  getSuggestions,
  listDeliveries,
  planDelivery,
  type DeliveriesQuery,
  type Delivery,
} from "../api/deliveries.js";
import { listNeeds, needKeys } from "../api/needs.js";
import { listValueItems, valueKeys } from "../api/values.js";
import { ActionButton } from "../components/ActionButton.js";
import { DeliveriesTable, type DeliveryCommand } from "../components/deliveries/DeliveriesTable.js";
import {
  DeliveryStepDialog,
  type DeliveryStepInput,
} from "../components/deliveries/DeliveryStepDialog.js";
import { PlanDeliveryDrawer } from "../components/deliveries/PlanDeliveryDrawer.js";
import { SpiralPanel } from "../components/deliveries/SpiralPanel.js";
import { CustomerSelect } from "../components/engine/CustomerSelect.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { useNow } from "../components/engine/useNow.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { useSessionUser } from "../session/useSession.js";

const VIEWS = ["open", "evaluated", "all"] as const;
type View = (typeof VIEWS)[number];
const STATUS_OF: Record<View, DeliveriesQuery["status"]> = {
  open: ["planned", "delivered"],
  evaluated: ["evaluated"],
  all: undefined,
};
const UNMET = ["open", "being_met", "deferred"] as const;

/** Value delivery (SPEC §5): plans in five steps, deliver, evaluate, and each customer's spiral. */
export function DeliveriesScene() {
  const { t } = useTranslation("deliveries");
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const writer = canWrite(user?.role);
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get("view") ?? "")
    ? (params.get("view") as View)
    : "open";
  const customerParam = Number(params.get("customerId"));
  const customerId =
    Number.isSafeInteger(customerParam) && customerParam > 0 ? customerParam : undefined;
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const filterPicker = useCustomerChoices();
  const planPicker = useCustomerChoices();
  const [planning, setPlanning] = useState(false);
  const [planFor, setPlanFor] = useState<number | undefined>(undefined);
  const [step, setStep] = useState<{ delivery: Delivery; command: DeliveryCommand } | null>(null);

  const query: DeliveriesQuery = {
    status: STATUS_OF[view],
    customerId,
    order: view === "open" ? "asc" : "desc",
    limit: 50,
  };
  const list = useInfiniteQuery({
    queryKey: deliveryKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listDeliveries({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const spiral = useQuery({
    queryKey: deliveryKeys.spiral(customerId ?? 0),
    queryFn: ({ signal }) => getSpiral(customerId!, signal),
    enabled: customerId !== undefined,
  });

  // What the plan drawer needs for the customer being planned for.
  const suggestions = useQuery({
    queryKey: deliveryKeys.suggestions(planFor ?? 0),
    queryFn: ({ signal }) => getSuggestions(planFor!, 10, signal),
    enabled: planning && planFor !== undefined,
  });
  const needsQuery = { customerId: planFor, status: [...UNMET], limit: 100 };
  const needs = useQuery({
    queryKey: needKeys.list(needsQuery),
    queryFn: ({ signal }) => listNeeds(needsQuery, signal),
    enabled: planning && planFor !== undefined,
  });
  const catalogue = useQuery({
    queryKey: valueKeys.list({ limit: 200 }),
    queryFn: ({ signal }) => listValueItems({ limit: 200 }, signal),
    enabled: planning,
    staleTime: 5 * 60_000,
  });

  const invalidate = () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
  const plan = useMutation({ mutationFn: planDelivery, onSuccess: invalidate });
  const advance = useMutation({
    mutationFn: ({ id, input }: { id: number; input: DeliveryStepInput }) => {
      const { command, ...body } = input;
      return command === "deliver"
        ? deliver(id, body as Parameters<typeof deliver>[1])
        : command === "evaluate"
          ? evaluateDelivery(id, body as Parameters<typeof evaluateDelivery>[1])
          : cancelDelivery(id, body as Parameters<typeof cancelDelivery>[1]);
    },
    onSuccess: invalidate,
  });

  const nameOf = (id: number) => filterPicker.nameOf(id) ?? planPicker.nameOf(id);
  const drawer = {
    open: () => {
      setPlanFor(customerId);
      setPlanning(true);
    },
  };
  useActionShortcuts([planDeliveryAction], drawer);
  const paged: PagedList = {
    hasNextPage: list.hasNextPage,
    isFetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: () => list.fetchNextPage(),
  };
  const planStage =
    suggestions.data?.stage ?? planPicker.choices.find((c) => c.id === planFor)?.stage;

  const table = list.isError ? (
    <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
  ) : (
    <Flex vertical gap={12}>
      <DeliveriesTable
        deliveries={rows}
        loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
        nameOf={nameOf}
        canWrite={writer}
        hideCustomer={customerId !== undefined}
        now={now}
        onCommand={(delivery, command) => setStep({ delivery, command })}
        empty={
          <EmptyHint
            title={t(`empty.${view}Title`)}
            hint={t("empty.hint")}
            action={<ActionButton action={planDeliveryAction} arg={drawer} type="primary" />}
          />
        }
      />
      {list.hasNextPage ? (
        <Flex justify="end">
          <ActionButton action={loadMoreAction} arg={paged} />
        </Flex>
      ) : null}
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <SceneHeader
        title={t("title")}
        subtitle={t("subtitle")}
        extra={<ActionButton action={planDeliveryAction} arg={drawer} type="primary" />}
      />
      <Flex wrap gap={12} align="center">
        <Segmented
          value={view}
          onChange={(v) => setParam("view", v === "open" ? undefined : String(v))}
          options={VIEWS.map((v) => ({ value: v, label: t(`view.${v}`) }))}
        />
        <div style={{ width: 280 }}>
          <CustomerSelect
            value={customerId}
            onChange={(id) => setParam("customerId", id ? String(id) : undefined)}
            choices={filterPicker.choices}
            loading={filterPicker.loading}
            onSearch={filterPicker.onSearch}
          />
        </div>
      </Flex>
      {customerId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            {table}
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t("spiral.title", { name: nameOf(customerId) ?? "" })}>
              <Typography.Paragraph type="secondary">{t("spiral.explain")}</Typography.Paragraph>
              {spiral.isError ? (
                <ErrorResult error={spiral.error} onRetry={() => void spiral.refetch()} />
              ) : (
                <SpiralPanel
                  rounds={spiral.data?.items ?? []}
                  customerName={nameOf(customerId) ?? ""}
                />
              )}
            </Card>
          </Col>
        </Row>
      ) : (
        table
      )}
      <PlanDeliveryDrawer
        open={planning}
        onClose={() => setPlanning(false)}
        picker={planPicker}
        customerId={planFor}
        onCustomer={setPlanFor}
        stage={planStage}
        suggestions={suggestions.data}
        suggestionsLoading={suggestions.isFetching}
        catalogue={catalogue.data?.items ?? []}
        needs={needs.data?.items ?? []}
        onSubmit={plan.mutateAsync}
        onPlanned={(d) => {
          setPlanning(false);
          void message.success(t("plan.done", { title: d.valueItemTitle ?? d.content ?? "" }));
        }}
      />
      <DeliveryStepDialog
        target={
          step
            ? {
                command: step.command,
                // The latest version of it, once a stale write has reloaded the list.
                delivery: rows.find((r) => r.id === step.delivery.id) ?? step.delivery,
                title: step.delivery.valueItemTitle ?? step.delivery.content ?? "",
              }
            : null
        }
        onClose={() => setStep(null)}
        onSubmit={(id, input) => advance.mutateAsync({ id, input })}
        onDone={(d) => {
          setStep(null);
          void message.success(
            t(
              `step.${d.status === "evaluated" ? "evaluated" : d.status === "cancelled" ? "cancelled" : "delivered"}`,
            ),
          );
        }}
        onStale={() => void invalidate()}
      />
    </Flex>
  );
}
