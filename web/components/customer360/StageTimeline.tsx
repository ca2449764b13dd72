import { useMemo } from "react";
import { Card, Descriptions, Flex, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { STAGES } from "../../../src/shared/enums.js";
import { TYPICAL_DWELL } from "../../../src/shared/ladder/stages.js";
import type { StageHistory } from "../../api/ladder.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { useFormat } from "../../i18n/useFormat.js";
import { StageTag } from "../StageTag.js";
import { useTimeInStage } from "../ladder/BoardCardView.js";
import { STAGE_CHART_COLORS } from "../ladder/stageColors.js";

/**
 * The customer's way up (and down) the ladder: where it is and for how long against the typical
 * time, every change newest first with who, when and why, and the days spent in each stage.
 */
export function StageTimeline({ history }: { history: StageHistory }) {
  const { t } = useTranslation("customer360");
  const { t: tl } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const format = useFormat();
  const timeInStage = useTimeInStage();
  const dwell = TYPICAL_DWELL[history.stage];

  const option = useMemo<ChartOption>(() => {
    const stages = STAGES.filter((s) => (history.daysByStage[s] ?? 0) > 0);
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "item", formatter: "{b}: {c}" },
      xAxis: { type: "value", show: false },
      yAxis: { type: "category", inverse: true, data: stages.map((s) => tc(`stage.${s}`)) },
      series: [
        {
          type: "bar",
          barMaxWidth: 14,
          label: {
            show: true,
            position: "right",
            formatter: (p: { value: number }) => t("ladder.days", { count: p.value }),
          },
          data: stages.map((s) => ({
            value: history.daysByStage[s],
            itemStyle: { color: STAGE_CHART_COLORS[s] },
          })),
        },
      ],
    };
  }, [history, t, tc]);

  const events = [...history.events].reverse();
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("ladder.now")}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            {
              key: "stage",
              label: t("ladder.stage"),
              children: <StageTag stage={history.stage} />,
            },
            {
              key: "time",
              label: t("ladder.timeInStage"),
              children: (
                <Flex gap={6} align="center">
                  {timeInStage(history.timeInStage)}
                  {history.overdue ? <Tag color="orange">{tl("board.overdue")}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: "typical",
              label: t("ladder.typical"),
              children: dwell
                ? t("ladder.typicalRange", { min: dwell.minMonths, max: dwell.maxMonths })
                : t("ladder.noTypical"),
            },
            {
              key: "due",
              label: t("ladder.dueAt"),
              children: history.dueAt ? format.date(history.dueAt) : "—",
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {tl(`playbook.${history.stage}`)}
        </Typography.Paragraph>
      </Card>
      <Flex gap={16} wrap align="start">
        <Card size="small" title={t("ladder.history")} style={{ flex: "2 1 420px" }}>
          <Timeline
            data-testid="stage-history"
            items={events.map((event) => ({
              key: event.id,
              color: STAGE_CHART_COLORS[event.to],
              content: (
                <Flex vertical gap={2} data-event={event.id}>
                  <Flex gap={6} align="center" wrap>
                    {event.from ? (
                      <>
                        <StageTag stage={event.from} />→
                      </>
                    ) : (
                      <Typography.Text type="secondary">{t("ladder.registered")}</Typography.Text>
                    )}
                    <StageTag stage={event.to} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {format.dateTime(event.at)} · {event.actorName ?? t("ladder.system")}
                      {event.proposalId ? ` · ${t("ladder.viaProposal")}` : ""}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text data-reason>{event.reason}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("ladder.stayed", { count: event.days })}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Card>
        <Card size="small" title={t("ladder.daysByStage")} style={{ flex: "1 1 280px" }}>
          <Chart
            option={option}
            height={Math.max(120, Object.keys(history.daysByStage).length * 30 + 20)}
            ariaLabel={t("ladder.daysByStage")}
          />
        </Card>
      </Flex>
    </Flex>
  );
}
