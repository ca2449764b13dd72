import { Button, Card, Checkbox, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DuePlan, InteractionPlan } from "../../api/interactions.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";

/** Plans with goals due soon (overdue first): mark a goal met, or record the interaction. */
export function DuePlansList(props: {
  due: DuePlan[];
  nameOf: (customerId: number) => string | undefined;
  canWrite: boolean;
  onGoalMet: (plan: InteractionPlan, index: number) => void;
  onRecord: (plan: InteractionPlan) => void;
  onOpen: (plan: InteractionPlan) => void;
}) {
  const { t } = useTranslation("interactions");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  return (
    <Flex vertical gap={12} data-testid="due-plans">
      {props.due.map(({ plan, dueGoals }) => (
        <Card
          key={plan.id}
          size="small"
          title={
            <Button type="link" style={{ padding: 0 }} onClick={() => props.onOpen(plan)}>
              {plan.name}
            </Button>
          }
          extra={
            <Flex gap={8} align="center">
              {plan.customerId !== null ? (
                <CustomerLink id={plan.customerId} name={props.nameOf(plan.customerId)} />
              ) : plan.object ? (
                <Typography.Text type="secondary">{plan.object}</Typography.Text>
              ) : null}
              {plan.channel ? <Tag>{te(`channel.${plan.channel}`)}</Tag> : null}
              {props.canWrite && plan.customerId !== null ? (
                <Button size="small" onClick={() => props.onRecord(plan)}>
                  {t("due.record")}
                </Button>
              ) : null}
            </Flex>
          }
        >
          <Flex vertical gap={6}>
            {dueGoals.map((goal) => (
              <Flex key={goal.index} justify="space-between" align="center" gap={12}>
                <Checkbox
                  checked={goal.met}
                  disabled={!props.canWrite || goal.met}
                  onChange={() => props.onGoalMet(plan, goal.index)}
                >
                  {goal.text}
                </Checkbox>
                <Typography.Text
                  type={goal.overdue ? "danger" : "secondary"}
                  data-overdue={goal.overdue}
                >
                  {format.date(goal.due)} ·{" "}
                  {goal.overdue
                    ? t("due.overdue", { count: -goal.daysLeft })
                    : t("due.daysLeft", { count: goal.daysLeft })}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
