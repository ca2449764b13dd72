import { Card, Empty, Flex, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { nextActionCommands, type ActOn } from "../../actions/customer360Actions.js";
import type { NextAction } from "../../api/customer360.js";
import type { Customer360 } from "../../api/customer360.js";
import { useFormat } from "../../i18n/useFormat.js";
import { ActionButton } from "../ActionButton.js";
import { StageTag } from "../StageTag.js";
import { useTimeInStage } from "../ladder/BoardCardView.js";

const KIND_COLORS: Record<NextAction["kind"], string> = {
  complaint: "red",
  core_need: "magenta",
  proposal: "purple",
  overdue_stage: "orange",
  interaction: "blue",
  delivery: "green",
};

/**
 * The next best actions, highest priority first, each with its reason and one click to act:
 * decide a proposal, change the stage, update a need, plan a delivery, open a complaint.
 */
export function NextActionsCard(props: {
  view: Customer360;
  onAct: (action: NextAction) => ActOn["act"];
}) {
  const { t, i18n } = useTranslation("customer360");
  const { t: tc } = useTranslation();
  const { t: tl } = useTranslation("ladder");
  const format = useFormat();
  const timeInStage = useTimeInStage();
  const { view } = props;
  const english = i18n.language === "en";

  const title = (action: NextAction) => {
    if (action.kind === "proposal" && view.openProposal)
      return (
        <Flex gap={4} align="center">
          <StageTag stage={view.openProposal.from} />→<StageTag stage={view.openProposal.to} />
        </Flex>
      );
    if (action.kind === "overdue_stage")
      return t("nextActions.overdueTitle", {
        time: timeInStage(view.stageHistory.timeInStage),
        stage: tc(`stage.${view.stageHistory.stage}`),
      });
    return action.title;
  };
  // The server explains in English; other languages get the reason of the kind.
  const reason = (action: NextAction) =>
    english
      ? action.reason
      : action.kind === "overdue_stage"
        ? `${t("nextActions.reason.overdue_stage")} ${tl(`playbook.${view.stageHistory.stage}`)}`
        : t(`nextActions.reason.${action.kind}`);

  return (
    <Card
      size="small"
      title={t("nextActions.title")}
      data-testid="next-actions"
      styles={{ body: { paddingBlock: 4 } }}
    >
      {view.nextActions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("nextActions.none")} />
      ) : (
        <List
          size="small"
          dataSource={view.nextActions}
          renderItem={(action, index) => (
            <List.Item
              data-next-action={action.kind}
              actions={[
                <ActionButton
                  key="act"
                  action={nextActionCommands[action.kind]}
                  arg={{ act: props.onAct(action) }}
                  size="small"
                  type={index === 0 ? "primary" : "default"}
                />,
              ]}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} align="center" wrap>
                  <Tag color={KIND_COLORS[action.kind]}>{t(`nextActions.kind.${action.kind}`)}</Tag>
                  <Typography.Text strong>{title(action)}</Typography.Text>
                  {action.dueAt ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("nextActions.due", { date: format.date(action.dueAt) })}
                    </Typography.Text>
                  ) : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {reason(action)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
