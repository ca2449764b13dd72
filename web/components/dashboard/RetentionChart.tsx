import { useMemo } from "react";
import { Flex, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { Retention, RetentionPeriod } from "../../api/analytics.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "./compact.js";
import { pooledCurve } from "./retention.js";

/** Cohort curves drawn beside the pooled one: more would be a tangle. */
const COHORTS_DRAWN = 6;

/**
 * Retention of acquisition cohorts period after period (SPEC §12: judge sales by retention and
 * churn, not volume): the pooled curve in bold, the latest cohorts in thin lines.
 */
export function RetentionChart(props: { retention: Retention }) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();
  const { retention } = props;
  const period = retention.period as RetentionPeriod;
  const pooled = useMemo(() => pooledCurve(retention), [retention]);

  const option = useMemo<ChartOption>(() => {
    const cohorts = retention.cohorts.slice(-COHORTS_DRAWN - 1, -1);
    const length = Math.max(pooled.length, 2);
    const pct = (v: number) => percent(v, language, 0);
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
      legend: { top: 0, type: "scroll" },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number) =>
          t("retention.tipValue", { retention: pct(v), churn: pct(1 - v) }),
      },
      xAxis: {
        type: "category",
        boundaryGap: false,
        name: t(`retention.axis.${period}`),
        nameLocation: "middle",
        nameGap: 24,
        data: Array.from({ length }, (_, k) => String(k)),
      },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pct } },
      series: [
        {
          name: t("retention.pooled"),
          type: "line",
          data: pooled,
          lineStyle: { width: 3 },
          itemStyle: { color: "#1d5bd6" },
          symbolSize: 6,
          z: 3,
        },
        ...cohorts.map((cohort) => ({
          name: cohort.cohort,
          type: "line",
          data: cohort.retention.slice(0, length),
          lineStyle: { width: 1 },
          symbol: "none",
          smooth: true,
        })),
      ],
    };
  }, [retention, pooled, period, language, t]);

  const afterOne = pooled[1];
  return (
    <Flex vertical gap={8}>
      <Flex gap={32} wrap>
        <Statistic
          title={t(`retention.after.${period}`)}
          value={afterOne === undefined ? "—" : percent(afterOne, language)}
        />
        <Statistic
          title={t(`retention.churn.${period}`)}
          value={afterOne === undefined ? "—" : percent(1 - afterOne, language)}
          styles={{ content: { color: "#cf1322" } }}
        />
        <Statistic title={t("retention.cohorts")} value={retention.cohorts.length} />
      </Flex>
      <Chart option={option} height={280} ariaLabel={t("retention.aria")} />
    </Flex>
  );
}
