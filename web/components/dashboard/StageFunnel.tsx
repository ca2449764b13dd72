import { useMemo } from "react";
import { Flex, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { LADDER } from "../../../src/shared/ladder/stages.js";
import type { Stage } from "../../../src/shared/enums.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { STAGE_CHART_COLORS } from "../ladder/stageColors.js";
import { customersHref } from "./customersHref.js";

/**
 * The ladder as a funnel, potential at the top and strategic at the bottom, with the two
 * off-ladder stages beside it. Every layer leads to the customers in that stage.
 */
export function StageFunnel(props: {
  counts: Record<Stage, number>;
  onSelect: (stage: Stage) => void;
}) {
  const { t } = useTranslation("dashboard");
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { language } = format;
  const { counts } = props;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string; value: number }) =>
          `${p.name}: ${formatNumber(p.value, language)}`,
      },
      series: [
        {
          type: "funnel",
          sort: "none",
          left: "4%",
          right: "4%",
          top: 8,
          bottom: 8,
          minSize: "18%",
          gap: 2,
          cursor: "pointer",
          label: {
            position: "inside",
            formatter: (p: { name: string; value: number }) =>
              `${p.name}  ${formatNumber(p.value, language)}`,
            color: "#fff",
            textBorderColor: "rgba(0,0,0,.35)",
            textBorderWidth: 2,
          },
          data: LADDER.map((stage) => ({
            name: tc(`stage.${stage}`),
            value: counts[stage] ?? 0,
            stage,
            itemStyle: { color: STAGE_CHART_COLORS[stage] },
          })),
        },
      ],
    }),
    [counts, language, tc],
  );

  return (
    <Flex gap={16} align="stretch">
      <div style={{ flex: 1, minWidth: 0 }}>
        <Chart
          option={option}
          height={300}
          ariaLabel={t("funnel.aria")}
          onClick={(event) => {
            const stage = (event.data as { stage?: Stage } | undefined)?.stage;
            if (stage) props.onSelect(stage);
          }}
        />
      </div>
      <Flex vertical gap={12} justify="center" style={{ width: 132 }}>
        {(["problem", "exited"] as const).map((stage) => (
          <Link key={stage} to={customersHref({ stage: [stage] })} data-stage-link={stage}>
            <Statistic
              title={tc(`stage.${stage}`)}
              value={counts[stage] ?? 0}
              formatter={(value) => format.number(Number(value))}
              styles={{ content: { color: STAGE_CHART_COLORS[stage] } }}
            />
          </Link>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("funnel.offLadder")}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
