/**
 * Customer life-cycle phase (SPEC §8), distinct from the ladder stage: acquisition, growth,
 * maturity, decline, termination, detected from the trend of a customer's purchases, and the
 * investment versus return of each phase.
 *
 * Rules, first match wins (all thresholds are options; defaults in brackets):
 * 1. termination: no purchase for `terminationDays` [365], or P(alive) (BG/NBD, when given)
 *    below `deadBelow` [0.1];
 * 2. acquisition: no purchase yet, or the first purchase less than `acquisitionDays` [90] ago
 *    (high investment, little return so far);
 * 3. decline: P(alive) below `decliningBelow` [0.5], or spend in the last `windowDays` [90]
 *    at least `declineThreshold` [20 %] below the window before (including no spend in either);
 * 4. growth: recent spend at least `growthThreshold` [20 %] above the window before (or any
 *    spend after an empty window);
 * 5. maturity: otherwise, spend steady within ±20 %.
 * Windows are (asOf − w, asOf] and (asOf − 2w, asOf − w].
 */
import type { Purchase } from "./clv/summary.js";
import type { Cents, Day } from "./units.js";

export const LIFECYCLE_PHASES = [
  "acquisition",
  "growth",
  "maturity",
  "decline",
  "termination",
] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

/** Thresholds of the phase rules. */
export interface LifecycleOptions {
  readonly windowDays: number;
  readonly acquisitionDays: number;
  readonly terminationDays: number;
  readonly growthThreshold: number;
  readonly declineThreshold: number;
  readonly deadBelow: number;
  readonly decliningBelow: number;
}

export const DEFAULT_LIFECYCLE_OPTIONS: LifecycleOptions = {
  windowDays: 90,
  acquisitionDays: 90,
  terminationDays: 365,
  growthThreshold: 0.2,
  declineThreshold: 0.2,
  deadBelow: 0.1,
  decliningBelow: 0.5,
};

/** Why a phase was chosen: the rule that fired. */
export type LifecycleReason =
  | "inactive"
  | "not_alive"
  | "no_purchases"
  | "new_customer"
  | "unlikely_alive"
  | "spend_falling"
  | "spend_rising"
  | "spend_steady";

/** A customer's phase with the figures behind it. */
export interface LifecycleAssessment {
  readonly phase: LifecyclePhase;
  readonly reason: LifecycleReason;
  /** Days since the first purchase (null without purchases). */
  readonly tenureDays: number | null;
  readonly daysSinceLastPurchase: number | null;
  /** Spend in (asOf − w, asOf] and in (asOf − 2w, asOf − w]. */
  readonly recentSpend: number;
  readonly previousSpend: number;
}

/** Assesses one customer's phase from its purchases up to `asOf` (later ones are ignored). */
export function lifecyclePhase(
  purchases: readonly Purchase[],
  asOf: Day,
  pAlive?: number,
  options: Partial<LifecycleOptions> = {},
): LifecycleAssessment {
  const windowDays = options.windowDays ?? DEFAULT_LIFECYCLE_OPTIONS.windowDays;
  let first = Infinity;
  let last = -Infinity;
  let recentSpend = 0;
  let previousSpend = 0;
  for (const p of purchases) {
    if (p.day > asOf) continue;
    first = Math.min(first, p.day);
    last = Math.max(last, p.day);
    const age = asOf - p.day;
    if (age < windowDays) recentSpend += p.amount;
    else if (age < 2 * windowDays) previousSpend += p.amount;
  }
  const bought = Number.isFinite(first);
  return assessLifecycle(
    {
      firstDay: bought ? (first as Day) : null,
      lastDay: bought ? (last as Day) : null,
      recentSpend,
      previousSpend,
    },
    asOf,
    pAlive,
    options,
  );
}

/** What the phase rules look at: first and last purchase day and the spend in the two windows. */
export interface LifecycleFacts {
  readonly firstDay: Day | null;
  readonly lastDay: Day | null;
  readonly recentSpend: number;
  readonly previousSpend: number;
}

/**
 * The phase rules (see the top of this file) over a customer's aggregated facts, so a base of
 * millions can be assessed from one summary row each instead of every purchase.
 */
export function assessLifecycle(
  { firstDay, lastDay, recentSpend, previousSpend }: LifecycleFacts,
  asOf: Day,
  pAlive?: number,
  options: Partial<LifecycleOptions> = {},
): LifecycleAssessment {
  const o = { ...DEFAULT_LIFECYCLE_OPTIONS, ...options };
  const tenureDays = firstDay === null ? null : asOf - firstDay;
  const daysSinceLastPurchase = lastDay === null ? null : asOf - lastDay;
  const facts = { tenureDays, daysSinceLastPurchase, recentSpend, previousSpend };
  const verdict = (phase: LifecyclePhase, reason: LifecycleReason): LifecycleAssessment => ({
    phase,
    reason,
    ...facts,
  });

  if (daysSinceLastPurchase !== null && daysSinceLastPurchase >= o.terminationDays) {
    return verdict("termination", "inactive");
  }
  if (pAlive !== undefined && pAlive < o.deadBelow) return verdict("termination", "not_alive");
  if (tenureDays === null) return verdict("acquisition", "no_purchases");
  if (tenureDays < o.acquisitionDays) return verdict("acquisition", "new_customer");
  if (pAlive !== undefined && pAlive < o.decliningBelow) {
    return verdict("decline", "unlikely_alive");
  }
  if (previousSpend <= 0) {
    return recentSpend > 0
      ? verdict("growth", "spend_rising")
      : verdict("decline", "spend_falling");
  }
  const change = (recentSpend - previousSpend) / previousSpend;
  if (change <= -o.declineThreshold) return verdict("decline", "spend_falling");
  if (change >= o.growthThreshold) return verdict("growth", "spend_rising");
  return verdict("maturity", "spend_steady");
}

/** A customer's phase with what it brought and what it cost over the period studied. */
export interface PhaseEconomicsRow {
  readonly phase: LifecyclePhase;
  readonly revenue: Cents;
  /** Acquisition, marketing and service cost; null where unknown. */
  readonly investment: Cents | null;
}

/** Totals of one phase. */
export interface PhaseEconomics {
  readonly customers: number;
  readonly revenue: number;
  /** Customers whose investment is known, and the sums over them only. */
  readonly customersWithCosts: number;
  readonly costedRevenue: number;
  readonly investment: number;
  /** costedRevenue − investment, and that over the investment (null when nothing invested). */
  readonly netReturn: number;
  readonly returnOnInvestment: number | null;
}

/**
 * Investment versus return per phase (the source's picture: high investment and low return in
 * acquisition, the reverse in maturity). Return is computed only over customers whose costs
 * are known, so unknown costs never count as zero.
 */
export function phaseEconomics(
  rows: readonly PhaseEconomicsRow[],
): Record<LifecyclePhase, PhaseEconomics> {
  const totals = Object.fromEntries(
    LIFECYCLE_PHASES.map((phase) => [
      phase,
      { customers: 0, revenue: 0, customersWithCosts: 0, costedRevenue: 0, investment: 0 },
    ]),
  ) as Record<LifecyclePhase, Omit<PhaseEconomics, "netReturn" | "returnOnInvestment">>;
  for (const row of rows) {
    const t = totals[row.phase] as { -readonly [K in keyof PhaseEconomics]: number };
    t.customers++;
    t.revenue += row.revenue;
    if (row.investment !== null) {
      t.customersWithCosts++;
      t.costedRevenue += row.revenue;
      t.investment += row.investment;
    }
  }
  return Object.fromEntries(
    LIFECYCLE_PHASES.map((phase) => {
      const t = totals[phase];
      const netReturn = t.costedRevenue - t.investment;
      return [
        phase,
        { ...t, netReturn, returnOnInvestment: t.investment > 0 ? netReturn / t.investment : null },
      ];
    }),
  ) as Record<LifecyclePhase, PhaseEconomics>;
}
