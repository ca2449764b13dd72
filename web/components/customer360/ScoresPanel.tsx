import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { BOND_LEVELS } from "../../../src/shared/enums.js";
import type { BondSummary, ScoresSummary } from "../../api/customer360.js";
import { useFormat } from "../../i18n/useFormat.js";
import { customersHref } from "../dashboard/customersHref.js";
import { QUADRANT_COLORS } from "../dashboard/ClvScatterChart.js";
import { percent } from "../dashboard/compact.js";

/**
 * The customer's value (SPEC §7, §8) from the latest analytics refresh: ABC class, RFM scores and
 * segment, predicted CLV and its type, probability of still being active, life-cycle phase.
 * Each score leads to the other customers that share it.
 */
export function ScoresPanel({ scores }: { scores: ScoresSummary | null }) {
  const { t } = useTranslation("customer360");
  const { t: td } = useTranslation("dashboard");
  const format = useFormat();
  if (!scores) return <Empty description={t("scores.none")} />;
  const rfm =
    scores.rfmR === null ? "—" : `R${scores.rfmR} F${scores.rfmF ?? "-"} M${scores.rfmM ?? "-"}`;
  return (
    <Card size="small" title={t("scores.title", { date: format.dateTime(scores.asOf) })}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="scores"
        items={[
          {
            key: "abc",
            label: t("scores.abc"),
            children: scores.abcClass ? (
              <Link to={customersHref({ abcClass: [scores.abcClass as "A"] })}>
                <Tag color="blue">{scores.abcClass}</Tag>
              </Link>
            ) : (
              "—"
            ),
          },
          {
            key: "rfm",
            label: t("scores.rfm"),
            children: (
              <Flex gap={6} align="center">
                <Typography.Text>{rfm}</Typography.Text>
                {scores.rfmSegment ? (
                  <Link to={customersHref({ rfmSegment: [scores.rfmSegment] })}>
                    <Tag>
                      {td(`rfm.segment.${scores.rfmSegment}` as "rfm.segment.champions", {
                        defaultValue: scores.rfmSegment,
                      })}
                    </Tag>
                  </Link>
                ) : null}
              </Flex>
            ),
          },
          {
            key: "clv",
            label: t("scores.clv"),
            children: scores.clvCents === null ? "—" : format.money(scores.clvCents),
          },
          {
            key: "quadrant",
            label: t("scores.quadrant"),
            children: scores.clvQuadrant ? (
              <Link to={customersHref({ clvQuadrant: [scores.clvQuadrant as "mvc"] })}>
                <Tag color={QUADRANT_COLORS[scores.clvQuadrant]}>
                  {td(`clv.quadrant.${scores.clvQuadrant}` as "clv.quadrant.mvc")}
                </Tag>
              </Link>
            ) : (
              "—"
            ),
          },
          {
            key: "alive",
            label: t("scores.pAlive"),
            children: scores.pAlive === null ? "—" : percent(scores.pAlive, format.language),
          },
          {
            key: "expected",
            label: t("scores.expected"),
            children:
              scores.expectedPurchases === null
                ? "—"
                : scores.expectedPurchases.toLocaleString(format.language, {
                    maximumFractionDigits: 2,
                  }),
          },
          {
            key: "phase",
            label: t("scores.phase"),
            children: scores.lifecyclePhase ? (
              <Link to={customersHref({ lifecyclePhase: [scores.lifecyclePhase as "growth"] })}>
                <Tag color="purple">
                  {td(`lifecycle.phase.${scores.lifecyclePhase}` as "lifecycle.phase.growth")}
                </Tag>
              </Link>
            ) : (
              "—"
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Loyalty bonds (SPEC §9) by level: financial, social, structural. */
export function BondsPanel({ bonds }: { bonds: BondSummary[] }) {
  const { t } = useTranslation("customer360");
  const format = useFormat();
  return (
    <Card size="small" title={t("bonds.title")} data-testid="bonds">
      {bonds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("bonds.none")} />
      ) : (
        <List
          size="small"
          dataSource={[...bonds].sort(
            (a, b) =>
              BOND_LEVELS.indexOf(a.level as "social") - BOND_LEVELS.indexOf(b.level as "social"),
          )}
          renderItem={(bond) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Flex gap={6} align="center">
                  <Tag
                    color={
                      bond.level === "structural"
                        ? "gold"
                        : bond.level === "social"
                          ? "cyan"
                          : "green"
                    }
                  >
                    {t(`bonds.level.${bond.level}` as "bonds.level.financial", {
                      defaultValue: bond.level,
                    })}
                  </Tag>
                  <Typography.Text strong>{bond.kind}</Typography.Text>
                  {bond.endedOn ? <Tag>{t("bonds.ended")}</Tag> : null}
                </Flex>
                {bond.description ? (
                  <Typography.Text type="secondary">{bond.description}</Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    bond.startedOn ? t("bonds.since", { date: format.date(bond.startedOn) }) : null,
                    bond.endedOn ? t("bonds.until", { date: format.date(bond.endedOn) }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
