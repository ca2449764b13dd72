/**
 * The relationship ladder (SPEC §2): moving a customer with a reason, its stage history and
 * upgrade conditions, the board, the flows between stages and the problem-customer share.
 */
import type { z } from "zod";
import type { Stage } from "../../src/shared/enums.js";
import type {
  BoardCardSchema,
  BoardSchema,
  EvidenceItemSchema,
  FlowsSchema,
  ProblemShareSchema,
  StageChangeInput,
  StageChangeResult,
  StageHistorySchema,
  UpgradeConditionsSchema,
} from "../../src/shared/schemas/ladder.js";
import { api } from "./client.js";

export type { StageChangeInput, StageChangeResult };
export type StageHistory = z.infer<typeof StageHistorySchema>;
export type StageEvent = StageHistory["events"][number];
export type UpgradeConditions = z.infer<typeof UpgradeConditionsSchema>;
export type UpgradeCondition = UpgradeConditions["conditions"][number];
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;
export type Board = z.infer<typeof BoardSchema>;
export type BoardColumn = Board["columns"][number];
export type BoardCard = z.infer<typeof BoardCardSchema>;
export type Flows = z.infer<typeof FlowsSchema>;
export type ProblemShare = z.infer<typeof ProblemShareSchema>;

export interface BoardQuery {
  /** Cards per column (1–200). */
  limit?: number;
  ownerId?: number[];
}

export const ladderKeys = {
  all: ["ladder"] as const,
  board: (query: BoardQuery) => ["ladder", "board", query] as const,
  column: (stage: Stage, query: BoardQuery) => ["ladder", "column", stage, query] as const,
  overdue: (stage: Stage) => ["ladder", "overdue", stage] as const,
  flows: (from: string, to: string) => ["ladder", "flows", from, to] as const,
  problemShare: ["ladder", "problem-share"] as const,
  history: (customerId: number) => ["ladder", "history", customerId] as const,
  conditions: (customerId: number) => ["ladder", "conditions", customerId] as const,
};

/** Fails with ApiError `invalid_stage_transition` (409) for a move the ladder forbids. */
export function changeStage(customerId: number, input: StageChangeInput) {
  return api.post<StageChangeResult>(`/api/customers/${customerId}/stage`, input);
}

export const getStageHistory = (customerId: number, signal?: AbortSignal) =>
  api.get<StageHistory>(`/api/customers/${customerId}/stage-history`, undefined, signal);

export const getUpgradeConditions = (customerId: number, signal?: AbortSignal) =>
  api.get<UpgradeConditions>(`/api/customers/${customerId}/upgrade-conditions`, undefined, signal);

export const getBoard = (query: BoardQuery, signal?: AbortSignal) =>
  api.get<Board>("/api/ladder/board", { ...query }, signal);

/** One column alone: its first page, or the next one from a keyset cursor. */
export async function getBoardColumn(
  stage: Stage,
  cursor: string | undefined,
  query: BoardQuery,
  signal?: AbortSignal,
): Promise<BoardColumn> {
  const board = await api.get<Board>("/api/ladder/board", { ...query, stage, cursor }, signal);
  const column = board.columns.find((c) => c.stage === stage);
  return column ?? { stage, count: board.counts[stage] ?? 0, items: [], nextCursor: null };
}

export const getFlows = (from: string, to: string, signal?: AbortSignal) =>
  api.get<Flows>("/api/ladder/flows", { from, to }, signal);

export const getProblemShare = (signal?: AbortSignal) =>
  api.get<ProblemShare>("/api/ladder/problem-share", undefined, signal);
