/**
 * Upgrade velocity against the typical times of SPEC §2, from what the ladder API gives: how
 * many customers are in a stage now (L) and how many left it upwards in the period (λ per
 * month). By Little's law (L = λ·W) the time a customer needs to be upgraded at the current
 * pace is W = L / λ. It is a steady-state estimate: a stage that is filling up faster than it
 * empties reads as slower than its customers so far have been.
 */
import type { Stage } from "../../../src/shared/enums.js";
import { nextStageUp, TYPICAL_DWELL, type Dwell } from "../../../src/shared/ladder/stages.js";
import type { Flows } from "../../api/ladder.js";

/** Average days in a month (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

export interface StageVelocity {
  stage: Stage;
  next: Stage;
  typical: Dwell;
  /** Customers in the stage now. */
  inStage: number;
  /** Upgrades out of the stage in the period. */
  upgrades: number;
  /** Every move out of the stage in the period (upgrades, falls, exits, downgrades). */
  departures: number;
  /** Months to upgrade at the current pace; null when nobody was upgraded in the period. */
  monthsToUpgrade: number | null;
  /** Against the typical time: faster than its minimum, within, or slower than its maximum. */
  pace: "fast" | "typical" | "slow" | "stalled";
}

export function upgradeVelocity(
  counts: Partial<Record<Stage, number>>,
  flows: Flows,
): StageVelocity[] {
  const months =
    (new Date(flows.to).getTime() - new Date(flows.from).getTime()) / 86_400_000 / DAYS_PER_MONTH;
  const rows: StageVelocity[] = [];
  for (const [stage, typical] of Object.entries(TYPICAL_DWELL) as [Stage, Dwell][]) {
    const next = nextStageUp(stage);
    if (!next) continue;
    let upgrades = 0;
    let departures = 0;
    for (const flow of flows.flows) {
      if (flow.from !== stage) continue;
      departures += flow.count;
      if (flow.to === next) upgrades += flow.count;
    }
    const inStage = counts[stage] ?? 0;
    const monthsToUpgrade = upgrades > 0 && months > 0 ? inStage / (upgrades / months) : null;
    const pace =
      monthsToUpgrade === null
        ? "stalled"
        : monthsToUpgrade < typical.minMonths
          ? "fast"
          : monthsToUpgrade <= typical.maxMonths
            ? "typical"
            : "slow";
    rows.push({ stage, next, typical, inStage, upgrades, departures, monthsToUpgrade, pace });
  }
  return rows;
}
