import { memo } from "react";
import { Button, Card, Dropdown, Flex, Tag, Tooltip, Typography } from "antd";
import { ClockCircleOutlined, MoreOutlined, UserOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import { allowedMoves } from "../../../src/shared/ladder/stages.js";
import type { BoardCard } from "../../api/ladder.js";

export interface CardMoveHandlers {
  /** Null when the user may not move customers (the card is then not draggable). */
  onMoveRequest: ((card: BoardCard, from: Stage, to: Stage | null) => void) | null;
  onDragStart: (card: BoardCard, from: Stage) => void;
  onDragEnd: () => void;
}

/** Time in stage in the largest unit that reads well: days, then months, then years and months. */
export function useTimeInStage() {
  const { t } = useTranslation("ladder");
  return (time: { days: number; months: number }) =>
    time.months < 1
      ? t("time.days", { count: time.days })
      : time.months < 24
        ? t("time.months", { count: time.months })
        : t("time.years", { years: Math.floor(time.months / 12), months: time.months % 12 });
}

/**
 * A customer on the board: name (opens the 360 view), owner, time in the stage, overdue flag.
 * Dragged to another column, or moved with its "Move to…" menu (the keyboard's way).
 */
export const BoardCardView = memo(function BoardCardView(props: {
  card: BoardCard;
  stage: Stage;
  handlers: CardMoveHandlers;
}) {
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const timeInStage = useTimeInStage();
  const { card, stage, handlers } = props;
  const movable = handlers.onMoveRequest !== null;

  return (
    <Card
      size="small"
      draggable={movable}
      data-card={card.id}
      data-overdue={card.overdue || undefined}
      aria-label={card.name}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", String(card.id));
        handlers.onDragStart(card, stage);
      }}
      onDragEnd={handlers.onDragEnd}
      style={{
        cursor: movable ? "grab" : "default",
        borderInlineStart: card.overdue ? "3px solid #fa8c16" : undefined,
      }}
      styles={{ body: { padding: "8px 10px" } }}
    >
      <Flex justify="space-between" align="start" gap={4}>
        <Link to={`/customers/${card.id}`} style={{ fontWeight: 500, minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: card.name }} style={{ color: "inherit" }}>
            {card.name}
          </Typography.Text>
        </Link>
        {movable ? (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                {
                  key: "label",
                  type: "group",
                  label: t("board.moveTo"),
                  children: allowedMoves(stage).map((to) => ({
                    key: to,
                    label: tc(`stage.${to}`),
                    onClick: () => handlers.onMoveRequest?.(card, stage, to),
                  })),
                },
              ],
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<MoreOutlined />}
              aria-label={t("board.moveMenu", { name: card.name })}
              data-testid="card-move-menu"
            />
          </Dropdown>
        ) : null}
      </Flex>
      <Flex wrap gap={4} align="center" style={{ marginTop: 4, fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <UserOutlined /> {card.ownerName ?? "—"}
        </Typography.Text>
        <Tooltip title={t("board.since", { date: card.stageSince.slice(0, 10) })}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <ClockCircleOutlined /> {timeInStage(card.timeInStage)}
          </Typography.Text>
        </Tooltip>
        {card.overdue ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t("board.overdue")}
          </Tag>
        ) : null}
      </Flex>
    </Card>
  );
});
