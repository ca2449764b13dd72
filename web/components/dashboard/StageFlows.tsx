import { useMemo } from "react";
import { Flex, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import type { Flows } from "../../api/ladder.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { STAGE_CHART_COLORS } from "../ladder/stageColors.js";
import { countFlowKinds, KIND_COLORS, KIND_ORDER } from "./flowKinds.js";

/**
 * Moves between stages in the chosen period as a Sankey diagram: stages left are where customers
 * came from, stages right where they went (two columns, so a move and its way back never form a
 * cycle). A flow or a stage on the right leads to the customers now in that stage.
 */
export function StageFlows(props: { flows: Flows; onSelect: (stage: Stage) => void }) {
  const { t } = useTranslation("dashboard");
  const { t: tc } = useTranslation();
  const { language } = useFormat();
  const { flows } = props;

  const option = useMemo<ChartOption>(() => {
    const label = (id: string) => {
      const [side, stage] = id.split(":") as ["from" | "to", Stage | "registered"];
      const name = stage === "registered" ? t("flows.registered") : tc(`stage.${stage}`);
      return side === "from" ? name : `→ ${name}`;
    };
    const nodes = new Map<
      string,
      { name: string; itemStyle: { color: string }; label?: { position: string } }
    >();
    const links = flows.flows.map((flow) => {
      const source = `from:${flow.from ?? "registered"}`;
      const target = `to:${flow.to}`;
      nodes.set(source, {
        name: source,
        itemStyle: { color: flow.from ? STAGE_CHART_COLORS[flow.from] : "#bfbfbf" },
        // Labels outside the two columns, never across the flows.
        label: { position: "left" },
      });
      nodes.set(target, { name: target, itemStyle: { color: STAGE_CHART_COLORS[flow.to] } });
      return { source, target, value: flow.count, to: flow.to };
    });
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: {
          dataType: string;
          name: string;
          value: number;
          data: { source?: string; target?: string };
        }) =>
          p.dataType === "edge"
            ? `${label(p.data.source!)} ${label(p.data.target!)}: ${formatNumber(p.value, language)}`
            : `${label(p.name)}: ${formatNumber(p.value, language)}`,
      },
      series: [
        {
          type: "sankey",
          left: 112,
          right: 120,
          top: 8,
          bottom: 8,
          nodeWidth: 14,
          nodeGap: 8,
          draggable: false,
          cursor: "pointer",
          emphasis: { focus: "adjacency" },
          lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.35 },
          label: { formatter: (p: { name: string }) => label(p.name) },
          data: [...nodes.values()],
          links,
        },
      ],
    };
  }, [flows, language, t, tc]);

  const kinds = countFlowKinds(flows.flows);
  return (
    <Flex vertical gap={8}>
      <Chart
        option={option}
        height={300}
        ariaLabel={t("flows.aria")}
        onClick={(event) => {
          const data = event.data as { to?: Stage; name?: string } | undefined;
          const stage = data?.to ?? (data?.name?.startsWith("to:") ? data.name.slice(3) : null);
          if (stage) props.onSelect(stage as Stage);
        }}
      />
      <Flex wrap gap={4} data-testid="flow-kinds">
        {KIND_ORDER.filter((kind) => kinds[kind]).map((kind) => (
          <Tag key={kind} color={KIND_COLORS[kind]}>
            {t(`flows.kind.${kind}`)} {formatNumber(kinds[kind]!, language)}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
