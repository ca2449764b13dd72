/**
 * The share of problem customers (SPEC §2: keep it at or below 3 %), overall and per owner.
 * Active customers are those not exited (and not archived — the caller leaves those out);
 * problem customers count among the active ones.
 */
import { PROBLEM_SHARE_LIMIT } from "./stages.js";

export interface OwnerCounts {
  ownerId: number;
  ownerName: string | null;
  active: number;
  problem: number;
}

export interface ShareLine {
  active: number;
  problem: number;
  /** problem / active, 0 when there are no active customers. */
  share: number;
  /** The share is above the limit. */
  alert: boolean;
}

export interface ProblemShare {
  limit: number;
  overall: ShareLine;
  /** Worst first. */
  byOwner: (ShareLine & { ownerId: number; ownerName: string | null })[];
}

const line = (active: number, problem: number, limit: number): ShareLine => {
  const share = active > 0 ? problem / active : 0;
  return { active, problem, share, alert: share > limit };
};

export function problemShare(
  rows: readonly OwnerCounts[],
  limit = PROBLEM_SHARE_LIMIT,
): ProblemShare {
  const active = rows.reduce((n, r) => n + r.active, 0);
  const problem = rows.reduce((n, r) => n + r.problem, 0);
  const byOwner = rows
    .map((r) => ({
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      ...line(r.active, r.problem, limit),
    }))
    .sort((a, b) => b.share - a.share || b.problem - a.problem || a.ownerId - b.ownerId);
  return { limit, overall: line(active, problem, limit), byOwner };
}
