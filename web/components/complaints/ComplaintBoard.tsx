import { Badge, Card, Col, Empty, Flex, Row, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { COMPLAINT_SLA_DAYS } from "../../../src/shared/engine/complaints.js";
import type { Complaint } from "../../api/complaints.js";
import { ComplaintCard } from "./ComplaintCard.js";

/** The four steps of SPEC §10, left to right. */
export const BOARD_STEPS = ["listen", "record", "propose", "follow_up"] as const;
export type BoardStep = (typeof BOARD_STEPS)[number];

/** Open complaints as four columns, one per step, oldest step entry first. */
export function ComplaintBoard(props: {
  complaints: Complaint[];
  nameOf: (customerId: number) => string | undefined;
  now: number;
  onOpen: (complaint: Complaint) => void;
}) {
  const { t } = useTranslation("complaints");
  const { t: te } = useTranslation("engine");
  const { token } = theme.useToken();
  return (
    <Row gutter={[12, 12]} wrap data-testid="complaint-board">
      {BOARD_STEPS.map((step, index) => {
        const cards = props.complaints
          .filter((c) => c.step === step)
          .sort((a, b) => a.stepEnteredAt.localeCompare(b.stepEnteredAt));
        const overdue = cards.filter(
          (c) => c.stepDueAt !== null && new Date(c.stepDueAt).getTime() < props.now,
        ).length;
        return (
          <Col key={step} xs={24} md={12} xl={6}>
            <Card
              size="small"
              role="region"
              aria-label={te(`complaintStep.${step}`)}
              data-step={step}
              title={
                <Flex justify="space-between" align="center" gap={8}>
                  <span>
                    {index + 1}. {te(`complaintStep.${step}`)}
                  </span>
                  <Flex gap={4}>
                    <Badge count={cards.length} showZero color={token.colorPrimary} />
                    {overdue ? (
                      <Badge
                        count={t("column.overdue", { count: overdue })}
                        color={token.colorError}
                      />
                    ) : null}
                  </Flex>
                </Flex>
              }
              styles={{ body: { background: token.colorFillQuaternary, minHeight: 240 } }}
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                {t(`column.hint.${step}`)} {t("column.sla", { count: COMPLAINT_SLA_DAYS[step] })}
              </Typography.Paragraph>
              <Flex vertical gap={8}>
                {cards.length ? (
                  cards.map((complaint) => (
                    <ComplaintCard
                      key={complaint.id}
                      complaint={complaint}
                      customerName={props.nameOf(complaint.customerId)}
                      now={props.now}
                      onOpen={props.onOpen}
                    />
                  ))
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("column.empty")} />
                )}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
