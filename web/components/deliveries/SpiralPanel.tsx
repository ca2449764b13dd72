import { Card, Empty, Flex, Progress, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DeliveryRound } from "../../api/deliveries.js";
import { useFormat } from "../../i18n/useFormat.js";
import { StageTag } from "../StageTag.js";

const OUTCOME_COLORS = { accepted: "green", partly: "gold", rejected: "red" } as const;

/**
 * The spiral (SPEC §5): value delivered round after round, each round judged only by whether
 * the customer accepted it. Newest round first.
 */
export function SpiralPanel(props: { rounds: DeliveryRound[]; customerName: string }) {
  const { t } = useTranslation("deliveries");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  if (!props.rounds.length)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t("spiral.empty", { name: props.customerName })}
      />
    );
  return (
    <Timeline
      data-testid="delivery-spiral"
      items={props.rounds.map((round) => ({
        key: round.round,
        color: round.open ? "blue" : (round.acceptance ?? 0) >= 0.5 ? "green" : "red",
        content: (
          <Card size="small">
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>
                    {t("spiral.round", { round: round.round })}
                  </Typography.Text>
                  {round.stages.map((stage) => (
                    <StageTag key={stage} stage={stage} />
                  ))}
                  {round.open ? <Tag color="processing">{t("spiral.open")}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary">{format.date(round.startedAt)}</Typography.Text>
              </Flex>
              <Flex align="center" gap={12}>
                <Progress
                  percent={round.acceptance === null ? 0 : Math.round(round.acceptance * 100)}
                  size="small"
                  style={{ width: 200, margin: 0 }}
                  format={(p) => (round.acceptance === null ? t("spiral.noVerdict") : `${p}%`)}
                />
                <Typography.Text type="secondary">
                  {t("spiral.counts", {
                    planned: round.planned,
                    delivered: round.delivered,
                    accepted: round.accepted,
                    partly: round.partly,
                    rejected: round.rejected,
                  })}
                </Typography.Text>
              </Flex>
              <Flex wrap gap={4}>
                {round.deliveries.map((d) => (
                  <Tag key={d.id} color={d.outcome ? OUTCOME_COLORS[d.outcome] : undefined}>
                    {d.valueItemTitle ?? d.content ?? "—"} ·{" "}
                    {d.outcome ? te(`outcome.${d.outcome}`) : te(`deliveryStatus.${d.status}`)}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          </Card>
        ),
      }))}
    />
  );
}
