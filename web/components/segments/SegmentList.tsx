import { Badge, Card, Flex, Tag, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { Segment } from "../../api/segments.js";
import { useFormat } from "../../i18n/useFormat.js";

const DECISION_COLORS = { pursue: "green", maintain: "blue", give_up: "default" } as const;

/** Saved segments with their live customer counts; choosing one shows it. */
export function SegmentList(props: {
  segments: Segment[];
  selectedId: number | null;
  onSelect: (segment: Segment) => void;
}) {
  const { t } = useTranslation("segments");
  const { t: te } = useTranslation("engine");
  const { token } = theme.useToken();
  const format = useFormat();
  return (
    <Flex vertical gap={8} role="list" aria-label={t("list.title")} data-testid="segment-list">
      {props.segments.map((segment) => {
        const selected = segment.id === props.selectedId;
        return (
          <Card
            key={segment.id}
            size="small"
            hoverable
            role="listitem"
            tabIndex={0}
            aria-current={selected ? "true" : undefined}
            data-segment={segment.id}
            onClick={() => props.onSelect(segment)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                props.onSelect(segment);
              }
            }}
            style={{ borderColor: selected ? token.colorPrimary : undefined }}
          >
            <Flex justify="space-between" align="start" gap={8}>
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Typography.Text strong ellipsis>
                  {segment.name}
                </Typography.Text>
                <Flex wrap gap={4}>
                  {segment.decision ? (
                    <Tag color={DECISION_COLORS[segment.decision]}>
                      {te(`decision.${segment.decision}`)}
                    </Tag>
                  ) : (
                    <Tag>{t("list.undecided")}</Tag>
                  )}
                  {segment.marketingMode ? (
                    <Tag color="purple">{te(`marketingMode.${segment.marketingMode}`)}</Tag>
                  ) : null}
                  {!segment.shared ? <Tag>{t("list.private")}</Tag> : null}
                </Flex>
              </Flex>
              <Badge
                count={
                  segment.customerCount === undefined ? "…" : format.number(segment.customerCount)
                }
                showZero
                overflowCount={Number.MAX_SAFE_INTEGER}
                color={token.colorPrimary}
                title={t("list.count")}
              />
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
