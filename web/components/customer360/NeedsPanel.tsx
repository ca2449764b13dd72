import { Alert, Card, Col, Empty, Flex, List, Row, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { NEED_LEVELS } from "../../../src/shared/enums.js";
import { recordNeedAction } from "../../actions/customer360Actions.js";
import type { NeedSummary } from "../../api/customer360.js";
import { useFormat } from "../../i18n/useFormat.js";
import { ActionButton } from "../ActionButton.js";

const STATUS_COLORS: Record<string, string> = {
  open: "red",
  being_met: "processing",
  met: "success",
  deferred: "default",
  declined: "default",
};
const OPEN = new Set(["open", "being_met", "deferred"]);

/**
 * Needs by level (SPEC §3): core needs must be met in full — one still open is flagged, and
 * holds back every upgrade; additional needs are met gradually; potential needs are foreseen.
 */
export function NeedsPanel(props: {
  needs: NeedSummary[];
  highlighted: number | null;
  onRecord: () => void;
  onChangeStatus: (need: NeedSummary) => void;
}) {
  const { t } = useTranslation("customer360");
  const format = useFormat();
  const openCore = props.needs.filter((n) => n.level === "core" && OPEN.has(n.status));
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t("needs.hint")}</Typography.Text>
        <ActionButton action={recordNeedAction} arg={{ open: props.onRecord }} type="primary" />
      </Flex>
      {openCore.length > 0 ? (
        <Alert type="warning" showIcon title={t("needs.coreOpen", { count: openCore.length })} />
      ) : null}
      <Row gutter={[12, 12]}>
        {NEED_LEVELS.map((level) => {
          const needs = props.needs.filter((n) => n.level === level);
          return (
            <Col key={level} xs={24} lg={8}>
              <Card
                size="small"
                title={`${t(`needs.level.${level}`)} · ${needs.length}`}
                data-need-level={level}
                style={{ height: "100%" }}
              >
                {needs.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("needs.none")} />
                ) : (
                  <List
                    size="small"
                    dataSource={needs}
                    renderItem={(need) => (
                      <List.Item
                        data-need={need.id}
                        style={
                          need.id === props.highlighted ? { background: "#fffbe6" } : undefined
                        }
                        actions={
                          OPEN.has(need.status)
                            ? [
                                <Typography.Link
                                  key="status"
                                  onClick={() => props.onChangeStatus(need)}
                                >
                                  {t("needs.changeStatus")}
                                </Typography.Link>,
                              ]
                            : []
                        }
                      >
                        <Flex vertical gap={2}>
                          <Typography.Text strong>{need.title}</Typography.Text>
                          <Flex gap={4} wrap>
                            <Tag>{t(`needs.kind.${need.kind}` as "needs.kind.quality")}</Tag>
                            <Tag color={STATUS_COLORS[need.status]}>
                              {t(`needs.status.${need.status}` as "needs.status.open")}
                            </Tag>
                          </Flex>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {need.metAt
                              ? t("needs.metOn", { date: format.date(need.metAt) })
                              : t("needs.since", { date: format.date(need.createdAt) })}
                            {need.source
                              ? ` · ${t(`needs.source.${need.source}` as "needs.source.research")}`
                              : ""}
                          </Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}
