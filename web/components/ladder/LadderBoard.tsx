import { useEffect, useMemo, useRef, useState } from "react";
import { Flex } from "antd";
import type { Stage } from "../../../src/shared/enums.js";
import { canMove } from "../../../src/shared/ladder/stages.js";
import type { ColumnPaging } from "../../actions/ladderActions.js";
import type { BoardCard } from "../../api/ladder.js";
import type { CardMoveHandlers } from "./BoardCardView.js";
import { BoardColumnView, type DropState } from "./BoardColumnView.js";

export interface BoardColumnData {
  stage: Stage;
  count: number;
  cards: BoardCard[];
  paging: ColumnPaging;
}

/**
 * The eight stages side by side. Dragging a card lights up the columns it may move to and dims
 * the others (the ladder's allowed moves); dropping asks the scene to confirm with a reason.
 */
export function LadderBoard(props: {
  columns: BoardColumnData[];
  /** Null for users who may not move customers. */
  onMoveRequest: ((card: BoardCard, from: Stage, to: Stage | null) => void) | null;
  highlighted: Stage | null;
}) {
  const [dragging, setDragging] = useState<{ card: BoardCard; from: Stage } | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const { onMoveRequest, highlighted } = props;

  const handlers = useMemo<CardMoveHandlers>(
    () => ({
      onMoveRequest,
      onDragStart: (card, from) => setDragging({ card, from }),
      onDragEnd: () => setDragging(null),
    }),
    [onMoveRequest],
  );

  useEffect(() => {
    if (!highlighted) return;
    container.current
      ?.querySelector(`[data-column="${highlighted}"]`)
      ?.scrollIntoView({ inline: "center", block: "nearest" });
  }, [highlighted]);

  const dropState = (stage: Stage): DropState =>
    !dragging
      ? "idle"
      : dragging.from === stage
        ? "source"
        : canMove(dragging.from, stage)
          ? "allowed"
          : "forbidden";

  return (
    <Flex
      ref={container}
      gap={12}
      align="stretch"
      data-testid="ladder-board"
      data-dragging={dragging ? dragging.from : undefined}
      style={{ overflowX: "auto", paddingBottom: 8, height: "100%" }}
    >
      {props.columns.map((column) => (
        <BoardColumnView
          key={column.stage}
          stage={column.stage}
          count={column.count}
          cards={column.cards}
          paging={column.paging}
          drop={dropState(column.stage)}
          highlighted={highlighted === column.stage}
          handlers={handlers}
          onDrop={(to) => {
            if (dragging) onMoveRequest?.(dragging.card, dragging.from, to);
            setDragging(null);
          }}
        />
      ))}
    </Flex>
  );
}
