import { useMemo, useState } from "react";
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Row,
  Typography,
} from "antd";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { keepsCatalogue } from "../actions/engineAccess.js";
import { saveAsSegmentAction } from "../actions/segmentsActions.js";
import { toSearchParams, type Query } from "../api/client.js";
import {
  cleanFilter,
  createSegment,
  deleteSegment,
  drilldown,
  DRILLDOWN_DIMENSIONS,
  listSegments,
  segmentKeys,
  updateSegment,
  type CustomerFilter,
  type DrilldownDimension,
  type Segment,
} from "../api/segments.js";
import { ActionButton } from "../components/ActionButton.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { errorMessage } from "../components/errors.js";
import { DefinitionTags } from "../components/segments/DefinitionTags.js";
import { DrilldownPanel, type DrillStep } from "../components/segments/DrilldownPanel.js";
import { SegmentDialog } from "../components/segments/SegmentDialog.js";
import { SegmentList } from "../components/segments/SegmentList.js";
import { useFormat } from "../i18n/useFormat.js";
import { useSessionUser } from "../session/useSession.js";

/** The customers list showing the customers of a filter. */
export function customersHref(filter: CustomerFilter): string {
  const search = toSearchParams(filter as Query).toString();
  return search ? `/customers?${search}` : "/customers";
}

/** A segment's definition narrowed by the drill-down path. */
function narrowed(base: CustomerFilter, path: DrillStep[]): CustomerFilter {
  const filter = { ...base } as Record<string, unknown>;
  for (const step of path) filter[step.dimension] = [step.value];
  return cleanFilter(filter);
}

/** The first dimension a filter does not pin to one value: where to split next. */
function firstOpen(filter: CustomerFilter, path: DrillStep[]): DrilldownDimension {
  const pinned = (d: DrilldownDimension) =>
    ((filter as Record<string, unknown[] | undefined>)[d]?.length ?? 0) === 1 ||
    path.some((step) => step.dimension === d);
  return DRILLDOWN_DIMENSIONS.find((d) => !pinned(d)) ?? "industry";
}

/** Market segmentation (SPEC §6): saved segments, decisions about them, top-down drill-down. */
export function SegmentsScene() {
  const { t } = useTranslation("segments");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const { message } = AntApp.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const keeper = keepsCatalogue(user?.role);
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get("segment")) || null;
  const select = (segment: Segment | null) => {
    setPath([]);
    setDimension(firstOpen(segment?.definition ?? {}, []));
    setParams(segment ? { segment: String(segment.id) } : {}, { replace: true });
  };

  const [path, setPath] = useState<DrillStep[]>([]);
  const [dimension, setDimension] = useState<DrilldownDimension>("industry");
  const [dimensionFor, setDimensionFor] = useState<number | null>(null);
  const [dialog, setDialog] = useState<"create" | "edit" | null>(null);

  const segments = useQuery({
    queryKey: segmentKeys.list({ withCounts: "true", limit: 200 }),
    queryFn: ({ signal }) => listSegments({ withCounts: "true", limit: 200 }, signal),
  });
  const selected = segments.data?.items.find((s) => s.id === selectedId) ?? null;
  // A segment opened from a link: start splitting by a dimension its definition leaves open.
  if (selected && dimensionFor !== selected.id) {
    setDimensionFor(selected.id);
    setDimension(firstOpen(selected.definition, path));
  }
  const pathFilter = useMemo(() => narrowed({}, path), [path]);
  const groupFilter = useMemo(() => narrowed(selected?.definition ?? {}, path), [selected, path]);
  const drillQuery = {
    dimension,
    filter: pathFilter,
    ...(selected ? { segmentId: selected.id } : {}),
  };
  const drill = useQuery({
    queryKey: segmentKeys.drilldown(drillQuery),
    queryFn: ({ signal }) => drilldown(drillQuery, signal),
    placeholderData: keepPreviousData,
  });
  const dimensions = drill.data
    ? [dimension, ...drill.data.nextDimensions.filter((d) => d !== dimension)]
    : [...DRILLDOWN_DIMENSIONS];

  const invalidate = () => queryClient.invalidateQueries({ queryKey: segmentKeys.all });
  const create = useMutation({ mutationFn: createSegment, onSuccess: invalidate });
  const update = useMutation({
    mutationFn: (input: Parameters<typeof updateSegment>[1]) => updateSegment(selected!.id, input),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (segment: Segment) => deleteSegment(segment.id, segment.version),
    onSuccess: () => {
      select(null);
      return invalidate();
    },
  });

  const saveGroup = { open: () => setDialog("create") };
  const list = segments.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <SceneHeader title={t("title")} subtitle={t("subtitle")} />
      {segments.isError ? (
        <ErrorResult error={segments.error} onRetry={() => void segments.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card
              size="small"
              title={t("list.title")}
              extra={
                selected ? (
                  <Button type="link" size="small" onClick={() => select(null)}>
                    {t("list.allCustomers")}
                  </Button>
                ) : null
              }
              loading={segments.isPending}
            >
              {list.length ? (
                <SegmentList segments={list} selectedId={selectedId} onSelect={select} />
              ) : (
                <EmptyHint
                  title={t("list.emptyTitle")}
                  hint={t("list.emptyHint")}
                  action={<Link to="/customers">{t("list.toCustomers")}</Link>}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Flex vertical gap={16}>
              {selected ? (
                <Card
                  size="small"
                  title={selected.name}
                  data-testid="segment-detail"
                  extra={
                    <Flex gap={8}>
                      <Link to={customersHref(selected.definition)}>
                        {t("detail.openCustomers")}
                      </Link>
                      {keeper ? (
                        <>
                          <Button size="small" onClick={() => setDialog("edit")}>
                            {t("detail.edit")}
                          </Button>
                          <Popconfirm
                            title={t("detail.deleteConfirm", { name: selected.name })}
                            okText={t("detail.delete")}
                            cancelText={te("common.cancel")}
                            onConfirm={() =>
                              remove.mutateAsync(selected).catch((error: unknown) => {
                                void message.error(errorMessage(tt, error));
                              })
                            }
                          >
                            <Button size="small" danger>
                              {t("detail.delete")}
                            </Button>
                          </Popconfirm>
                        </>
                      ) : null}
                    </Flex>
                  }
                >
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: "count",
                        label: t("detail.count"),
                        children: (
                          <span data-testid="segment-count">
                            {format.number(selected.customerCount ?? 0)}
                          </span>
                        ),
                      },
                      {
                        key: "definition",
                        label: t("detail.definition"),
                        children: <DefinitionTags filter={selected.definition} />,
                      },
                      ...(selected.description
                        ? [
                            {
                              key: "description",
                              label: t("field.description"),
                              children: selected.description,
                            },
                          ]
                        : []),
                      {
                        key: "decision",
                        label: t("field.decision"),
                        children: selected.decision
                          ? te(`decision.${selected.decision}`)
                          : t("list.undecided"),
                      },
                      ...(selected.decisionReason
                        ? [
                            {
                              key: "reason",
                              label: t("field.decisionReason"),
                              children: selected.decisionReason,
                            },
                          ]
                        : []),
                      {
                        key: "mode",
                        label: t("field.marketingMode"),
                        children: selected.marketingMode
                          ? `${te(`marketingMode.${selected.marketingMode}`)} — ${te(`marketingModeHint.${selected.marketingMode}`)}`
                          : t("field.noMode"),
                      },
                    ]}
                  />
                </Card>
              ) : null}
              <Card size="small" title={t("drill.title")}>
                <Typography.Paragraph type="secondary">{t("drill.explain")}</Typography.Paragraph>
                {drill.isError ? (
                  <ErrorResult error={drill.error} onRetry={() => void drill.refetch()} />
                ) : (
                  <DrilldownPanel
                    rootLabel={selected ? selected.name : t("drill.allCustomers")}
                    path={path}
                    dimension={dimension}
                    dimensions={dimensions}
                    data={drill.data}
                    loading={drill.isFetching}
                    onDimension={setDimension}
                    onDrill={(step) => {
                      const next = [...path, step];
                      setPath(next);
                      setDimension(firstOpen(selected?.definition ?? {}, next));
                    }}
                    onBack={(depth) => setPath(path.slice(0, depth))}
                    actions={
                      <>
                        <Link to={customersHref(groupFilter)}>{t("drill.openCustomers")}</Link>
                        {path.length ? (
                          <ActionButton action={saveAsSegmentAction} arg={saveGroup} size="small" />
                        ) : null}
                      </>
                    }
                  />
                )}
              </Card>
            </Flex>
          </Col>
        </Row>
      )}
      <SegmentDialog
        open={dialog !== null}
        segment={dialog === "edit" && selected ? selected : undefined}
        definition={dialog === "edit" && selected ? selected.definition : groupFilter}
        onClose={() => setDialog(null)}
        onSubmit={(draft) =>
          dialog === "edit" && selected
            ? update.mutateAsync({ ...draft, version: selected.version })
            : create.mutateAsync({ ...draft, definition: groupFilter })
        }
        onSaved={(segment) => {
          setDialog(null);
          void message.success(t("dialog.saved", { name: segment.name }));
          if (dialog === "create") select(segment);
        }}
      />
    </Flex>
  );
}
