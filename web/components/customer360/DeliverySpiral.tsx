import { useMemo } from "react";
import { Card, Empty, Flex, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DeliveryRound } from "../../api/customer360.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { useFormat } from "../../i18n/useFormat.js";
import { StageTag } from "../StageTag.js";
import type { Stage } from "../../../src/shared/enums.js";

const OUTCOMES = ["accepted", "partly", "rejected", "pending"] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_COLORS: Record<Outcome, string> = {
  accepted: "#52c41a",
  partly: "#faad14",
  rejected: "#f5222d",
  pending: "#d9d9d9",
};
const TAG_COLORS: Record<Outcome, string> = {
  accepted: "success",
  partly: "warning",
  rejected: "error",
  pending: "default",
};

const outcomeOf = (d: DeliveryRound["deliveries"][number]): Outcome =>
  d.outcome === "accepted" || d.outcome === "partly" || d.outcome === "rejected"
    ? d.outcome
    : "pending";

/**
 * The spiral of value delivery (SPEC §5): round after round, what was delivered and whether the
 * customer accepted it — the one criterion of a delivery's effect.
 */
export function DeliverySpiral({ rounds }: { rounds: DeliveryRound[] }) {
  const { t } = useTranslation("customer360");
  const format = useFormat();

  const option = useMemo<ChartOption>(() => {
    const ordered = [...rounds].sort((a, b) => a.round - b.round);
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: {
        type: "category",
        data: ordered.map((r) => t("deliveries.round", { round: r.round })),
      },
      yAxis: { type: "value", minInterval: 1 },
      series: OUTCOMES.map((outcome) => ({
        name: t(`deliveries.outcome.${outcome}`),
        type: "bar",
        stack: "outcome",
        itemStyle: { color: OUTCOME_COLORS[outcome] },
        data: ordered.map((r) => r.deliveries.filter((d) => outcomeOf(d) === outcome).length),
      })),
    };
  }, [rounds, t]);

  if (rounds.length === 0)
    return <Empty description={t("deliveries.none")} data-testid="deliveries-empty" />;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("deliveries.chart")}>
        <Chart option={option} height={200} ariaLabel={t("deliveries.chart")} />
      </Card>
      <Timeline
        items={rounds.map((round) => ({
          key: round.round,
          content: (
            <Flex vertical gap={6} data-round={round.round}>
              <Typography.Text strong>
                {t("deliveries.round", { round: round.round })}
              </Typography.Text>
              {round.deliveries.map((d) => {
                const outcome = outcomeOf(d);
                return (
                  <Flex key={d.id} vertical gap={2} style={{ paddingInlineStart: 4 }}>
                    <Flex gap={6} align="center" wrap>
                      <Typography.Text>{d.valueTitle ?? d.content ?? "—"}</Typography.Text>
                      <StageTag stage={d.stageAtPlan as Stage} />
                      <Tag color={TAG_COLORS[outcome]}>{t(`deliveries.outcome.${outcome}`)}</Tag>
                      <Tag>{t(`deliveries.status.${d.status}` as "deliveries.status.planned")}</Tag>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[
                        d.medium,
                        d.deliveredAt
                          ? t("deliveries.deliveredOn", { date: format.date(d.deliveredAt) })
                          : d.plannedFor
                            ? t("deliveries.plannedFor", { date: format.date(d.plannedFor) })
                            : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </Typography.Text>
                  </Flex>
                );
              })}
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
