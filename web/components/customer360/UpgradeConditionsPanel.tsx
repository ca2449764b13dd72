import { Alert, Card, Col, Flex, Row, Tag, Tooltip, Typography } from "antd";
import { CheckCircleTwoTone, CloseCircleTwoTone } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { UpgradeConditions } from "../../api/ladder.js";
import { StageTag } from "../StageTag.js";
import { EvidenceList } from "../ladder/EvidenceList.js";
import { useLadderText } from "../ladder/useLadderText.js";

/** The six upgrade conditions (SPEC §2): for each, the evidence on record and what is missing. */
export function UpgradeConditionsPanel({ conditions }: { conditions: UpgradeConditions }) {
  const { t } = useTranslation("customer360");
  const { t: tl } = useTranslation("ladder");
  const text = useLadderText();
  const held = conditions.conditions.filter((c) => c.holds).length;
  return (
    <Card
      size="small"
      data-testid="upgrade-conditions"
      title={
        <Flex gap={8} align="center" wrap>
          {t("conditions.title")}
          {conditions.nextStage ? (
            <>
              <Typography.Text type="secondary">{t("conditions.towards")}</Typography.Text>
              <StageTag stage={conditions.nextStage} />
            </>
          ) : null}
          <Tag color={conditions.allHold ? "success" : "warning"}>
            {t("conditions.count", { held, total: conditions.conditions.length })}
          </Tag>
        </Flex>
      }
    >
      {conditions.heldBack ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("conditions.heldBack", {
            stage: text.stage(conditions.heldBack.to),
            rule: text.rule(conditions.heldBack.rule),
          })}
        />
      ) : null}
      <Row gutter={[12, 12]}>
        {conditions.conditions.map((condition) => (
          <Col key={condition.key} xs={24} md={12} xl={8}>
            <Card
              size="small"
              type="inner"
              data-condition={condition.key}
              data-holds={condition.holds}
              title={
                <Tooltip title={condition.description}>
                  <Flex gap={6} align="center">
                    {condition.holds ? (
                      <CheckCircleTwoTone twoToneColor="#52c41a" />
                    ) : (
                      <CloseCircleTwoTone twoToneColor="#f5222d" />
                    )}
                    {tl(`condition.${condition.key}`)}
                  </Flex>
                </Tooltip>
              }
              style={{ height: "100%" }}
            >
              {condition.found.length + condition.missing.length === 0 ? (
                <Typography.Text type="secondary">{t("conditions.nothing")}</Typography.Text>
              ) : (
                <EvidenceList found={condition.found} missing={condition.missing} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
