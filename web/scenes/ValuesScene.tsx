import { useMemo, useState } from "react";
import { App as AntApp, Button, Card, Flex, InputNumber, Space, Tabs, Typography } from "antd";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import {
  STAGES,
  VALUE_DIMENSIONS,
  VALUE_LIFECYCLES,
  VALUE_SCOPES,
} from "../../src/shared/enums.js";
import { keepsCatalogue } from "../actions/engineAccess.js";
import { loadMoreAction, type PagedList } from "../actions/engineActions.js";
import { useActionShortcuts } from "../actions/useActions.js";
import { createValueItemAction } from "../actions/valuesActions.js";
import {
  createValueItem,
  getValueCoverage,
  listValueItems,
  updateValueItem,
  valueKeys,
  type UpdateValueItemInput,
  type ValueItem,
} from "../api/values.js";
import { ActionButton } from "../components/ActionButton.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { CoverageBars } from "../components/values/CoverageBars.js";
import { CoverageMatrix } from "../components/values/CoverageMatrix.js";
import { ValueFilterBar, type ValueFilters } from "../components/values/ValueFilterBar.js";
import { ValueItemDrawer } from "../components/values/ValueItemDrawer.js";
import { ValuesTable } from "../components/values/ValuesTable.js";
import { useSessionUser } from "../session/useSession.js";

const PAGE_SIZE = 50;
const LISTS = ["kind", "scope", "dimension", "stage", "lifecycle"] as const;

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] | undefined {
  const kept = values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  return kept.length ? kept : undefined;
}

/** The catalogue's filters live in the URL, so a view of it can be shared. */
function parseFilters(params: URLSearchParams): ValueFilters {
  const unique = params.get("unique");
  const active = params.get("active");
  const kind = params.getAll("kind").filter(Boolean);
  return {
    q: params.get("q") || undefined,
    kind: kind.length ? kind : undefined,
    scope: oneOf(VALUE_SCOPES, params.getAll("scope")),
    dimension: oneOf(VALUE_DIMENSIONS, params.getAll("dimension")),
    stage: oneOf(STAGES, params.getAll("stage")),
    lifecycle: oneOf(VALUE_LIFECYCLES, params.getAll("lifecycle")),
    unique: unique === "true" || unique === "false" ? unique : undefined,
    active: active === "false" || active === "all" ? active : undefined,
  };
}

function toParams(filters: ValueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const key of LISTS)
    for (const v of (filters[key] as string[] | undefined) ?? []) params.append(key, v);
  if (filters.unique) params.set("unique", filters.unique);
  if (filters.active) params.set("active", filters.active);
  return params;
}

/** The company's value catalogue (SPEC §4): where the offer is thin, and each item's FABE. */
export function ValuesScene() {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setFilters = (next: ValueFilters) => setParams(toParams(next), { replace: true });
  const [thinBelow, setThinBelow] = useState(2);
  const [open, setOpen] = useState<ValueItem | "new" | null>(null);

  const coverage = useQuery({
    queryKey: valueKeys.coverage(thinBelow),
    queryFn: ({ signal }) => getValueCoverage(thinBelow, signal),
    placeholderData: keepPreviousData,
  });
  const query = { ...filters, limit: PAGE_SIZE };
  const items = useInfiniteQuery({
    queryKey: valueKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listValueItems({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  const opened =
    open === "new" ? "new" : open ? (rows.find((r) => r.id === open.id) ?? open) : null;

  const invalidate = () => queryClient.invalidateQueries({ queryKey: valueKeys.all });
  const create = useMutation({
    mutationFn: createValueItem,
    onSuccess: (item) => {
      void message.success(t("drawer.created", { title: item.title }));
      return invalidate();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateValueItemInput }) =>
      updateValueItem(id, input),
    onSuccess: (item) => {
      setOpen(item);
      void message.success(t("drawer.saved"));
      return invalidate();
    },
  });

  const drawer = { open: () => setOpen("new") };
  useActionShortcuts([createValueItemAction], drawer);
  const paged: PagedList = {
    hasNextPage: items.hasNextPage,
    isFetchingNextPage: items.isFetchingNextPage,
    fetchNextPage: () => items.fetchNextPage(),
  };
  const filtered = [...params.keys()].length > 0;
  const kinds = coverage.data?.byKind.map((k) => k.kind) ?? [];
  const pick = (next: ValueFilters) => {
    setFilters(next);
    document.getElementById("value-catalogue")?.scrollIntoView({ behavior: "smooth" });
  };

  return (
    <Flex vertical gap={16}>
      <SceneHeader
        title={t("title")}
        subtitle={t("subtitle")}
        extra={<ActionButton action={createValueItemAction} arg={drawer} type="primary" />}
      />
      <Card
        size="small"
        title={t("coverage.title")}
        extra={
          <Space>
            <label htmlFor="thin-below">{t("coverage.thinBelow")}</label>
            <InputNumber
              id="thin-below"
              min={1}
              max={100}
              value={thinBelow}
              onChange={(v) => setThinBelow(v ?? 2)}
              style={{ width: 72 }}
            />
          </Space>
        }
      >
        {coverage.isError ? (
          <ErrorResult error={coverage.error} onRetry={() => void coverage.refetch()} />
        ) : coverage.data ? (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              {t("coverage.explain", { total: coverage.data.total, thin: coverage.data.thinBelow })}
            </Typography.Text>
            <Tabs
              items={[
                {
                  key: "kindScope",
                  label: t("coverage.byKindScope"),
                  children: (
                    <CoverageMatrix
                      coverage={coverage.data}
                      onPick={({ kind, scope }) =>
                        pick({
                          kind: kind ? [kind] : undefined,
                          scope: scope ? [scope] : undefined,
                        })
                      }
                    />
                  ),
                },
                {
                  key: "dimension",
                  label: t("coverage.byDimension"),
                  children: (
                    <CoverageBars
                      bars={coverage.data.byDimension.map((d) => ({
                        ...d,
                        key: d.dimension,
                        label: te(`dimension.${d.dimension}`),
                      }))}
                      onPick={(d) => pick({ dimension: [d as (typeof VALUE_DIMENSIONS)[number]] })}
                    />
                  ),
                },
                {
                  key: "stage",
                  label: t("coverage.byStage"),
                  children: (
                    <CoverageBars
                      bars={coverage.data.byStage.map((s) => ({
                        ...s,
                        key: s.stage,
                        label: tt(`stage.${s.stage}`),
                      }))}
                      onPick={(s) => pick({ stage: [s as (typeof STAGES)[number]] })}
                    />
                  ),
                },
              ]}
            />
          </Flex>
        ) : null}
      </Card>
      <Card size="small" title={t("catalogue")} id="value-catalogue">
        <Flex vertical gap={12}>
          <ValueFilterBar
            filters={filters}
            kinds={kinds}
            onChange={setFilters}
            extra={
              filtered ? (
                <Button type="link" onClick={() => setFilters({})}>
                  {te("common.clearFilters")}
                </Button>
              ) : null
            }
          />
          {items.isError ? (
            <ErrorResult error={items.error} onRetry={() => void items.refetch()} />
          ) : (
            <ValuesTable
              items={rows}
              loading={items.isPending || (items.isPlaceholderData && items.isFetching)}
              onOpen={setOpen}
              empty={
                <EmptyHint
                  title={filtered ? t("empty.filteredTitle") : t("empty.title")}
                  hint={filtered ? t("empty.filteredHint") : t("empty.hint")}
                  action={
                    <ActionButton action={createValueItemAction} arg={drawer} type="primary" />
                  }
                />
              }
            />
          )}
          {items.hasNextPage ? (
            <Flex justify="end">
              <ActionButton action={loadMoreAction} arg={paged} />
            </Flex>
          ) : null}
        </Flex>
      </Card>
      <ValueItemDrawer
        item={opened}
        canEdit={keepsCatalogue(user?.role)}
        kinds={kinds}
        onClose={() => setOpen(null)}
        onCreate={create.mutateAsync}
        onUpdate={(id, input) => update.mutateAsync({ id, input })}
        onStale={() => void invalidate()}
      />
    </Flex>
  );
}
