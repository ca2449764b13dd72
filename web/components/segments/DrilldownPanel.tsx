import type { ReactNode } from "react";
import { Breadcrumb, Button, Empty, Flex, Progress, Select, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Drilldown, DrilldownDimension } from "../../api/segments.js";
import { useFormat } from "../../i18n/useFormat.js";
import { useFilterLabels } from "./useFilterLabels.js";

export interface DrillStep {
  dimension: DrilldownDimension;
  value: string;
}

/**
 * Top-down segmentation (SPEC §6): split the customers by one dimension, pick a group, split it
 * by the next, until each group's common needs — and then each customer's own — are in view.
 */
export function DrilldownPanel(props: {
  /** Where the drill-down starts: all customers, or a saved segment. */
  rootLabel: string;
  path: DrillStep[];
  dimension: DrilldownDimension;
  dimensions: DrilldownDimension[];
  data: Drilldown | undefined;
  loading: boolean;
  onDimension: (dimension: DrilldownDimension) => void;
  onDrill: (step: DrillStep) => void;
  /** Back to the first `depth` steps of the path. */
  onBack: (depth: number) => void;
  actions: ReactNode;
}) {
  const { t } = useTranslation("segments");
  const format = useFormat();
  const { valueLabel, dimensionLabel } = useFilterLabels();
  const max = Math.max(1, ...(props.data?.buckets.map((b) => b.count) ?? [1]));
  return (
    <Flex vertical gap={12} data-testid="drilldown">
      <Breadcrumb
        items={[
          {
            key: "root",
            title: props.path.length ? (
              <Typography.Link onClick={() => props.onBack(0)}>{props.rootLabel}</Typography.Link>
            ) : (
              props.rootLabel
            ),
          },
          ...props.path.map((step, index) => ({
            key: `${step.dimension}-${index}`,
            title:
              index < props.path.length - 1 ? (
                <Typography.Link onClick={() => props.onBack(index + 1)}>
                  {dimensionLabel(step.dimension)}: {valueLabel(step.dimension, step.value)}
                </Typography.Link>
              ) : (
                `${dimensionLabel(step.dimension)}: ${valueLabel(step.dimension, step.value)}`
              ),
          })),
        ]}
      />
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex gap={8} align="center">
          <label htmlFor="drill-dimension">{t("drill.splitBy")}</label>
          <Select<DrilldownDimension>
            id="drill-dimension"
            value={props.dimension}
            onChange={props.onDimension}
            style={{ width: 200 }}
            options={props.dimensions.map((d) => ({ value: d, label: dimensionLabel(d) }))}
          />
          {props.data ? (
            <Typography.Text type="secondary" aria-live="polite">
              {t("drill.total", {
                count: props.data.total,
                formatted: format.number(props.data.total),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8}>{props.actions}</Flex>
      </Flex>
      <Spin spinning={props.loading}>
        {props.data && props.data.buckets.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("drill.empty")} />
        ) : (
          <Flex vertical gap={6} role="list">
            {(props.data?.buckets ?? []).map((bucket) => {
              const label = valueLabel(props.dimension, bucket.value);
              return (
                <Flex key={bucket.value ?? "\u0000"} align="center" gap={12} role="listitem">
                  <div style={{ width: 200, flexShrink: 0 }}>
                    {bucket.value === null ? (
                      <Typography.Text type="secondary">{label}</Typography.Text>
                    ) : (
                      <Button
                        type="link"
                        style={{ padding: 0, height: "auto" }}
                        aria-label={t("drill.into", { label })}
                        onClick={() =>
                          props.onDrill({ dimension: props.dimension, value: bucket.value! })
                        }
                      >
                        {label}
                      </Button>
                    )}
                  </div>
                  <Progress
                    percent={(bucket.count / max) * 100}
                    showInfo={false}
                    style={{ flex: 1, margin: 0 }}
                    aria-hidden
                  />
                  <Typography.Text style={{ width: 140, textAlign: "end", flexShrink: 0 }}>
                    {format.number(bucket.count)} · {Math.round(bucket.share * 1000) / 10}%
                  </Typography.Text>
                </Flex>
              );
            })}
            {props.data?.otherCount ? (
              <Typography.Text type="secondary">
                {t("drill.other", { count: props.data.otherCount })}
              </Typography.Text>
            ) : null}
          </Flex>
        )}
      </Spin>
    </Flex>
  );
}
