import { useMemo } from "react";
import { Flex, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { AnalyticsOverview, ParetoCurve } from "../../api/analytics.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { compactMoney, percent } from "./compact.js";
import { customersHref } from "./customersHref.js";

/** Tag colours of the classes (antd presets). */
export const ABC_COLORS: Record<string, string> = { A: "blue", B: "cyan", C: "default" };

/** Where each ABC class ends on the curve's customer axis (0–1), in class order. */
export function abcBoundaries(abc: AnalyticsOverview["abc"]): { abcClass: string; end: number }[] {
  const total = abc.reduce((n, c) => n + c.customers, 0);
  let cumulative = 0;
  return [...abc]
    .sort((a, b) => a.abcClass.localeCompare(b.abcClass))
    .map((c) => {
      cumulative += c.customers;
      return { abcClass: c.abcClass, end: total ? cumulative / total : 0 };
    });
}

/** The ABC class of the customers at share `x` of the ranked base. */
export function abcClassAt(boundaries: ReturnType<typeof abcBoundaries>, x: number) {
  return boundaries.find((b) => x <= b.end + 1e-9)?.abcClass ?? boundaries.at(-1)?.abcClass;
}

/**
 * The Pareto curve (ABC analysis, SPEC §7): the top x % of customers by revenue hold y % of it,
 * with the class boundaries; a point of the curve leads to the customers of its class.
 */
export function ParetoChart(props: {
  pareto: ParetoCurve;
  abc: AnalyticsOverview["abc"];
  onSelectClass: (abcClass: string) => void;
}) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();
  const boundaries = useMemo(() => abcBoundaries(props.abc), [props.abc]);

  const option = useMemo<ChartOption>(() => {
    const pct = (v: number) => percent(v, language, 0);
    return {
      grid: { left: 8, right: 24, top: 28, bottom: 28, containLabel: true },
      tooltip: {
        trigger: "axis",
        formatter: (items: { value: [number, number] }[]) => {
          const [x, y] = items[0]?.value ?? [0, 0];
          return t("pareto.tip", {
            customers: pct(x),
            revenue: pct(y),
            abcClass: abcClassAt(boundaries, x) ?? "",
          });
        },
      },
      xAxis: {
        type: "value",
        min: 0,
        max: 1,
        name: t("pareto.xAxis"),
        nameLocation: "middle",
        nameGap: 24,
        axisLabel: { formatter: pct },
      },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pct } },
      series: [
        {
          type: "line",
          cursor: "pointer",
          symbolSize: 5,
          areaStyle: { opacity: 0.08 },
          itemStyle: { color: "#1d5bd6" },
          data: props.pareto.points.map((p) => [p.customerShare, p.valueShare]),
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { type: "dashed", color: "#8c8c8c" },
            label: { formatter: (p: { name: string }) => p.name, position: "end" },
            data: boundaries.slice(0, -1).map((b, i) => ({
              name: `${b.abcClass} | ${boundaries[i + 1]?.abcClass ?? ""}`,
              xAxis: b.end,
            })),
          },
        },
      ],
    };
  }, [props.pareto, boundaries, language, t]);

  const revenue = props.abc.reduce((n, c) => n + c.revenueCents, 0);
  const customers = props.abc.reduce((n, c) => n + c.customers, 0);
  return (
    <Flex vertical gap={8}>
      <Chart
        option={option}
        height={260}
        ariaLabel={t("pareto.aria")}
        onClick={(event) => {
          const value = event.value as [number, number] | undefined;
          const abcClass = value ? abcClassAt(boundaries, value[0]) : undefined;
          if (abcClass) props.onSelectClass(abcClass);
        }}
      />
      <Flex wrap gap={8}>
        {[...props.abc]
          .sort((a, b) => a.abcClass.localeCompare(b.abcClass))
          .map((c) => (
            <Link key={c.abcClass} to={customersHref({ abcClass: [c.abcClass as "A"] })}>
              <Tag color={ABC_COLORS[c.abcClass]} data-abc={c.abcClass}>
                {t("pareto.class", {
                  abcClass: c.abcClass,
                  customers: formatNumber(c.customers, language),
                  customerShare: percent(customers ? c.customers / customers : 0, language, 0),
                  revenueShare: percent(revenue ? c.revenueCents / revenue : 0, language, 0),
                })}
              </Tag>
            </Link>
          ))}
        <Typography.Text type="secondary">
          {t("pareto.total", { revenue: compactMoney(revenue, language) })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
