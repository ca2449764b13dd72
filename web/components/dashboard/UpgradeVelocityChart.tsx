import { useMemo } from "react";
import { Flex, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import type { StageVelocity } from "./velocity.js";

/** How many of a stage's customers are past its typical time (`atLeast`: the count is a floor). */
export interface OverdueCount {
  count: number;
  atLeast: boolean;
}

const PACE_COLORS: Record<StageVelocity["pace"], string> = {
  fast: "#1677ff",
  typical: "#52c41a",
  slow: "#fa8c16",
  stalled: "#f5222d",
};

/**
 * Months to the next upgrade at the current pace (a marker) against the typical time of the
 * stage (a band), for the stages that have one; with how many customers are overdue.
 */
export function UpgradeVelocityChart(props: {
  rows: StageVelocity[];
  overdue: Partial<Record<Stage, OverdueCount>>;
  onSelect: (stage: Stage) => void;
}) {
  const { t } = useTranslation("dashboard");
  const { t: tc } = useTranslation();
  const { language } = useFormat();
  const { rows } = props;

  const option = useMemo<ChartOption>(() => {
    // Long enough to show slow stages as they are, short enough to keep the bands readable.
    const slowest = Math.max(0, ...rows.map((r) => r.monthsToUpgrade ?? 0));
    const cap = Math.max(24, Math.min(60, Math.ceil(slowest / 6) * 6));
    const months = (value: number) => t("velocity.months", { count: Math.round(value * 10) / 10 });
    return {
      grid: { left: 8, right: 72, top: 28, bottom: 24, containLabel: true },
      legend: { top: 0, data: [t("velocity.typical"), t("velocity.pace")] },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: { dataIndex: number }[]) => {
          const row = rows[items[0]?.dataIndex ?? 0];
          if (!row) return "";
          return [
            `<b>${tc(`stage.${row.stage}`)} → ${tc(`stage.${row.next}`)}</b>`,
            t("velocity.tipTypical", { min: row.typical.minMonths, max: row.typical.maxMonths }),
            row.monthsToUpgrade === null
              ? t("velocity.tipStalled")
              : t("velocity.tipPace", { months: months(row.monthsToUpgrade) }),
            t("velocity.tipCounts", {
              inStage: formatNumber(row.inStage, language),
              upgrades: formatNumber(row.upgrades, language),
              departures: formatNumber(row.departures, language),
            }),
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "value",
        max: cap,
        name: t("velocity.axis"),
        nameLocation: "middle",
        nameGap: 24,
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: rows.map((r) => tc(`stage.${r.stage}`)),
      },
      series: [
        {
          type: "bar",
          stack: "typical",
          silent: true,
          itemStyle: { color: "transparent" },
          data: rows.map((r) => r.typical.minMonths),
          barWidth: 18,
        },
        {
          name: t("velocity.typical"),
          type: "bar",
          stack: "typical",
          cursor: "pointer",
          itemStyle: { color: "rgba(82,196,26,.25)", borderColor: "#52c41a", borderWidth: 1 },
          // core: "about a year" has no range: draw a thin band so it is seen.
          data: rows.map((r) => ({
            value: Math.max(0.3, r.typical.maxMonths - r.typical.minMonths),
            stage: r.stage,
          })),
          barWidth: 18,
        },
        {
          name: t("velocity.pace"),
          type: "scatter",
          cursor: "pointer",
          symbol: "diamond",
          symbolSize: 16,
          label: {
            show: true,
            position: "right",
            formatter: (p: { dataIndex: number }) => {
              const m = rows[p.dataIndex]?.monthsToUpgrade;
              return m === null || m === undefined
                ? t("velocity.stalled")
                : m > cap
                  ? `> ${months(cap)}`
                  : months(m);
            },
          },
          data: rows.map((r, i) => ({
            value: [Math.min(r.monthsToUpgrade ?? cap, cap), i],
            stage: r.stage,
            itemStyle: { color: PACE_COLORS[r.pace] },
          })),
        },
      ],
    };
  }, [rows, language, t, tc]);

  return (
    <Flex vertical gap={8}>
      <Chart
        option={option}
        height={220}
        ariaLabel={t("velocity.aria")}
        onClick={(event) => {
          const stage = (event.data as { stage?: Stage } | undefined)?.stage;
          if (stage) props.onSelect(stage);
        }}
      />
      <Flex wrap gap={8} align="center">
        <Typography.Text type="secondary">{t("velocity.overdue")}</Typography.Text>
        {rows.map((r) => {
          const overdue = props.overdue[r.stage];
          return (
            <Link key={r.stage} to={`/ladder?stage=${r.stage}`} data-overdue={r.stage}>
              <Tag color={overdue && overdue.count > 0 ? "orange" : "default"}>
                {tc(`stage.${r.stage}`)}{" "}
                {overdue
                  ? `${formatNumber(overdue.count, language)}${overdue.atLeast ? "+" : ""}`
                  : "…"}
              </Tag>
            </Link>
          );
        })}
      </Flex>
    </Flex>
  );
}
