import { useMemo } from "react";
import { Flex, Table, Tag } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { CLV_QUADRANTS, type AnalyticsOverview, type ClvPoint } from "../../api/analytics.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatMoney, formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { compactMoney, percent } from "./compact.js";
import { customersHref } from "./customersHref.js";

export const QUADRANT_COLORS: Record<string, string> = {
  mvc: "#d48806",
  mgc: "#1d5bd6",
  maintain: "#52c41a",
  abandon: "#8c8c8c",
};

/**
 * Money spans orders of magnitude, and profit can be negative: both axes are drawn on a signed
 * log scale, sign(v)·log10(1 + |v|) of yuan, labelled back in money.
 */
export const toAxis = (cents: number) => Math.sign(cents) * Math.log10(1 + Math.abs(cents) / 100);
export const fromAxis = (value: number) => Math.sign(value) * (10 ** Math.abs(value) - 1) * 100;

/** The cut points the refresh used (current profit, future CLV), from the run's fit. */
export function quadrantThresholds(run: AnalyticsOverview["run"]) {
  const fit = run?.fit as { quadrantThresholds?: { current?: unknown; future?: unknown } } | null;
  const current = fit?.quadrantThresholds?.current;
  const future = fit?.quadrantThresholds?.future;
  return typeof current === "number" && typeof future === "number" ? { current, future } : null;
}

/**
 * The CLV matrix (SPEC §7): current value (historical profit) across, predicted future value
 * (CLV) up, one colour per type. A point opens its customer; the table below leads to each type.
 */
export function ClvScatterChart(props: {
  points: ClvPoint[];
  overview: AnalyticsOverview;
  onSelectCustomer: (customerId: number) => void;
}) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();
  const thresholds = quadrantThresholds(props.overview.run);

  const option = useMemo<ChartOption>(() => {
    // Ticks fall on whole log units: label them as the round amounts 10^k yuan.
    const label = (v: number) =>
      compactMoney(Math.abs(v) < 1 ? 0 : Math.sign(v) * 10 ** Math.abs(v) * 100, language);
    const byQuadrant = new Map<string, [number, number, number, string][]>();
    for (const p of props.points) {
      const key = p.quadrant ?? "unscored";
      const list = byQuadrant.get(key) ?? [];
      list.push([toAxis(p.profitCents), toAxis(p.clvCents ?? 0), p.customerId, p.name]);
      byQuadrant.set(key, list);
    }
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "item",
        formatter: (p: { value: [number, number, number, string]; seriesName: string }) =>
          `<b>${p.value[3]}</b><br/>${p.seriesName}<br/>` +
          t("clv.tip", {
            profit: formatMoney(fromAxis(p.value[0]), language),
            clv: formatMoney(fromAxis(p.value[1]), language),
          }),
      },
      xAxis: {
        type: "value",
        name: t("clv.xAxis"),
        nameLocation: "middle",
        nameGap: 24,
        axisLabel: { formatter: label },
        splitLine: { show: false },
      },
      yAxis: {
        type: "value",
        name: t("clv.yAxis"),
        nameLocation: "middle",
        nameGap: 56,
        axisLabel: { formatter: label },
        splitLine: { show: false },
      },
      series: [...CLV_QUADRANTS, "unscored"]
        .filter((q) => byQuadrant.has(q))
        .map((quadrant, i) => ({
          name: t(`clv.quadrant.${quadrant}` as "clv.quadrant.mvc"),
          type: "scatter",
          cursor: "pointer",
          symbolSize: 6,
          itemStyle: { color: QUADRANT_COLORS[quadrant] ?? "#d9d9d9", opacity: 0.7 },
          data: byQuadrant.get(quadrant),
          ...(i === 0 && thresholds
            ? {
                markLine: {
                  symbol: "none",
                  silent: true,
                  lineStyle: { type: "dashed", color: "#595959" },
                  label: { show: false },
                  data: [
                    { xAxis: toAxis(thresholds.current) },
                    { yAxis: toAxis(thresholds.future) },
                  ],
                },
              }
            : {}),
        })),
    };
  }, [props.points, thresholds, language, t]);

  const total = props.overview.quadrants.reduce((n, q) => n + q.customers, 0);
  const rows = [...props.overview.quadrants].sort(
    (a, b) =>
      CLV_QUADRANTS.indexOf(a.quadrant as "mvc") - CLV_QUADRANTS.indexOf(b.quadrant as "mvc"),
  );
  return (
    <Flex vertical gap={8}>
      <Chart
        option={option}
        height={300}
        ariaLabel={t("clv.aria")}
        onClick={(event) => {
          const value = event.value as [number, number, number, string] | undefined;
          if (value) props.onSelectCustomer(value[2]);
        }}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="quadrant"
        dataSource={rows}
        columns={[
          {
            title: t("clv.type"),
            dataIndex: "quadrant",
            render: (quadrant: string) => (
              <Link
                to={customersHref({ clvQuadrant: [quadrant as "mvc"] })}
                data-quadrant={quadrant}
              >
                <Tag color={QUADRANT_COLORS[quadrant]}>
                  {t(`clv.quadrant.${quadrant}` as "clv.quadrant.mvc", { defaultValue: quadrant })}
                </Tag>
              </Link>
            ),
          },
          {
            title: t("clv.customers"),
            dataIndex: "customers",
            align: "right",
            render: (n: number) =>
              `${formatNumber(n, language)} (${percent(total ? n / total : 0, language, 0)})`,
          },
          {
            title: t("clv.clvSum"),
            dataIndex: "clvCents",
            align: "right",
            render: (cents: number) => compactMoney(cents, language),
          },
          {
            title: t("clv.profitSum"),
            dataIndex: "profitCents",
            align: "right",
            render: (cents: number) => compactMoney(cents, language),
          },
        ]}
      />
    </Flex>
  );
}
