/**
 * The ladder moves demo histories keep to. They are the strict reading of SPEC §2, narrower
 * than what `canMove` in shared/ladder allows users: the normal path one step up, any stage
 * down to problem, problem back to a ladder stage no higher than the one it fell from or on to
 * exited, and exited won back to target. A history starts at potential or target.
 */
import type { Stage } from "../shared/enums.js";
import { canMove, ladderRank, LADDER, type LadderStage } from "../shared/ladder/stages.js";

export interface StageMove {
  readonly from: Stage | null;
  readonly to: Stage;
}

/** The stage one step down the normal path, if any. */
export function nextStageDown(stage: LadderStage): LadderStage | undefined {
  const rank = ladderRank(stage) ?? 0;
  return rank > 0 ? LADDER[rank - 1] : undefined;
}

/** Why a history breaks the demo's ladder rules, or undefined when every move is allowed. */
export function findIllegalMove(moves: readonly StageMove[]): string | undefined {
  let current: Stage | null = null;
  let fellFrom: Stage | null = null;
  for (const [index, move] of moves.entries()) {
    if (move.from !== current)
      return `move ${index} starts at ${move.from}, customer is at ${current}`;
    const problem = checkMove(move, fellFrom);
    if (problem) return `move ${index} ${move.from}→${move.to}: ${problem}`;
    if (move.to === "problem") fellFrom = current;
    current = move.to;
  }
  return undefined;
}

function checkMove({ from, to }: StageMove, fellFrom: Stage | null): string | undefined {
  if (from === null) {
    return to === "potential" || to === "target"
      ? undefined
      : "history must start at potential or target";
  }
  if (!canMove(from, to, { fellFrom })) return "refused by the ladder rules";
  if (to === "problem" || from === "problem" || from === "exited") return undefined;
  // Among ladder stages the demo only ever moves one step up (no direct exits or downgrades).
  const fromRank = ladderRank(from);
  const toRank = ladderRank(to);
  return fromRank !== null && toRank === fromRank + 1
    ? undefined
    : "not one step up the normal path";
}
