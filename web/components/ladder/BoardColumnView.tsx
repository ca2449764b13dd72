import { useState } from "react";
import { Badge, Empty, Flex, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import { loadMoreColumnAction, type ColumnPaging } from "../../actions/ladderActions.js";
import type { BoardCard } from "../../api/ladder.js";
import { ActionButton } from "../ActionButton.js";
import { useFormat } from "../../i18n/useFormat.js";
import { BoardCardView, type CardMoveHandlers } from "./BoardCardView.js";
import { STAGE_CHART_COLORS } from "./stageColors.js";

/** While a card is dragged: may it drop here? `source` is its own column. */
export type DropState = "idle" | "source" | "allowed" | "forbidden";

/** One stage of the board: its count, its cards (longest in the stage first) and "more". */
export function BoardColumnView(props: {
  stage: Stage;
  count: number;
  cards: BoardCard[];
  paging: ColumnPaging;
  drop: DropState;
  highlighted: boolean;
  handlers: CardMoveHandlers;
  onDrop: (stage: Stage) => void;
}) {
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { token } = theme.useToken();
  const [over, setOver] = useState(false);
  const { drop, stage } = props;
  const color = STAGE_CHART_COLORS[stage];

  return (
    <section
      aria-label={tc(`stage.${stage}`)}
      data-column={stage}
      data-drop={drop}
      aria-disabled={drop === "forbidden" || undefined}
      onDragOver={(event) => {
        if (drop !== "allowed") return; // no preventDefault: the browser shows "no drop"
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (drop !== "allowed") return;
        event.preventDefault();
        props.onDrop(stage);
      }}
      style={{
        width: 248,
        flex: "0 0 248px",
        display: "flex",
        flexDirection: "column",
        maxHeight: "100%",
        background: over ? "#e6f4ff" : token.colorFillQuaternary,
        borderRadius: 8,
        borderTop: `3px solid ${color}`,
        outline:
          drop === "allowed"
            ? `2px dashed ${token.colorPrimary}`
            : props.highlighted
              ? `2px solid ${color}`
              : "none",
        outlineOffset: -2,
        opacity: drop === "forbidden" ? 0.4 : 1,
        cursor: drop === "forbidden" ? "not-allowed" : undefined,
        transition: "opacity .15s, background .15s",
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: "8px 10px" }}>
        <Typography.Text strong>{tc(`stage.${stage}`)}</Typography.Text>
        <Badge
          count={format.number(props.count)}
          showZero
          color={color}
          overflowCount={Number.MAX_SAFE_INTEGER}
          data-testid="column-count"
        />
      </Flex>
      {drop === "forbidden" ? (
        <Typography.Text type="secondary" style={{ paddingInline: 10, fontSize: 12 }}>
          {t("board.forbidden")}
        </Typography.Text>
      ) : null}
      <Flex vertical gap={6} style={{ padding: "0 8px 8px", overflowY: "auto", minHeight: 80 }}>
        {props.cards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("board.emptyColumn")} />
        ) : (
          props.cards.map((card) => (
            <BoardCardView key={card.id} card={card} stage={stage} handlers={props.handlers} />
          ))
        )}
        {props.count > props.cards.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: "center" }}>
            {t("board.shown", {
              shown: format.number(props.cards.length),
              count: format.number(props.count),
            })}
          </Typography.Text>
        ) : null}
        <ActionButton action={loadMoreColumnAction} arg={props.paging} size="small" type="link" />
      </Flex>
    </section>
  );
}
