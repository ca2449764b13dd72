/** Rules about needs (SPEC §3) shared by the API, the ladder and the web app. */
import type { NeedStatus } from "../enums.js";

/** A need counts as unmet while open, being met or deferred; met and declined needs are settled. */
export const UNMET_NEED_STATUSES = [
  "open",
  "being_met",
  "deferred",
] as const satisfies readonly NeedStatus[];

export const isUnmetNeed = (status: string): boolean =>
  (UNMET_NEED_STATUSES as readonly string[]).includes(status);

/**
 * When a need was met after a status change: stamped the moment it becomes met, kept while it
 * stays met, cleared if it is reopened (met is a fact about now, not history).
 */
export function metAtAfter(
  before: { status: string; metAt: Date | null },
  status: NeedStatus,
  asOf: Date,
): Date | null {
  if (status !== "met") return null;
  return before.status === "met" && before.metAt ? before.metAt : asOf;
}
