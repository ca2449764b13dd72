import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LIFECYCLE_PHASES, type AnalyticsOverview } from "../../api/analytics.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatMoney, formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { compactMoney } from "./compact.js";

/**
 * Customers per life-cycle phase (SPEC §8) with what they brought (return) against what serving
 * them cost (investment); a phase leads to its customers.
 */
export function LifecycleChart(props: {
  lifecycle: AnalyticsOverview["lifecycle"];
  onSelect: (phase: string) => void;
}) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();

  const option = useMemo<ChartOption>(() => {
    const byPhase = new Map(props.lifecycle.map((row) => [row.phase, row]));
    const phases = [
      ...LIFECYCLE_PHASES.filter((p) => byPhase.has(p)),
      ...props.lifecycle
        .map((r) => r.phase)
        .filter((p) => !LIFECYCLE_PHASES.includes(p as "growth")),
    ];
    const rows = phases.map((phase) => byPhase.get(phase)!);
    const item = (row: (typeof rows)[number], value: number) => ({ value, phase: row.phase });
    return {
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: { dataIndex: number }[]) => {
          const row = rows[items[0]?.dataIndex ?? 0];
          if (!row) return "";
          return [
            `<b>${t(`lifecycle.phase.${row.phase}` as "lifecycle.phase.growth")}</b>`,
            t("lifecycle.tipCustomers", { customers: formatNumber(row.customers, language) }),
            t("lifecycle.tipReturn", { money: formatMoney(row.revenueCents, language) }),
            t("lifecycle.tipInvestment", { money: formatMoney(row.costCents, language) }),
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "category",
        data: phases.map((p) =>
          t(`lifecycle.phase.${p}` as "lifecycle.phase.growth", { defaultValue: p }),
        ),
      },
      yAxis: [
        {
          type: "value",
          name: t("lifecycle.customers"),
          axisLabel: { formatter: (v: number) => formatNumber(v, language) },
        },
        {
          type: "value",
          name: t("lifecycle.money"),
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => compactMoney(v, language) },
        },
      ],
      series: [
        {
          name: t("lifecycle.customers"),
          type: "bar",
          cursor: "pointer",
          itemStyle: { color: "#1d5bd6" },
          data: rows.map((r) => item(r, r.customers)),
        },
        {
          name: t("lifecycle.return"),
          type: "line",
          yAxisIndex: 1,
          cursor: "pointer",
          itemStyle: { color: "#52c41a" },
          data: rows.map((r) => item(r, r.revenueCents)),
        },
        {
          name: t("lifecycle.investment"),
          type: "line",
          yAxisIndex: 1,
          cursor: "pointer",
          itemStyle: { color: "#fa541c" },
          data: rows.map((r) => item(r, r.costCents)),
        },
      ],
    };
  }, [props.lifecycle, language, t]);

  return (
    <Chart
      option={option}
      height={280}
      ariaLabel={t("lifecycle.aria")}
      onClick={(event) => {
        const phase = (event.data as { phase?: string } | undefined)?.phase;
        if (phase) props.onSelect(phase);
      }}
    />
  );
}
