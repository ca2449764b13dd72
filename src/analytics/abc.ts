/**
 * ABC (Pareto, 80/20) analysis of customer value (SPEC §7): rank customers by value, classify
 * them by their share of the total, split them into size tiers, and draw the Pareto curve.
 *
 * Ranking: value descending, ties by customer id ascending (code-unit order), so the result
 * never depends on input order.
 *
 * Zero and negative values (profit can be negative): shares are of the positive total (the sum
 * of the positive values), since a share of a total that losses have shrunk, or of a negative
 * total, means nothing. Customers worth zero or less rank last, have share 0 and are class C.
 * When no customer has positive value, everyone is C and the curve is flat.
 */
import { AnalyticsInputError } from "./errors.js";
import type { Cents } from "./units.js";

/** A customer's value (revenue or profit) in cents. */
export interface CustomerValue {
  readonly customerId: string;
  readonly value: Cents;
}

export type AbcClass = "A" | "B" | "C";

/** Cumulative-share cut-offs: A up to `a` of the total, B up to `b`, C the rest. */
export interface AbcCutoffs {
  readonly a: number;
  readonly b: number;
}

export const DEFAULT_ABC_CUTOFFS: AbcCutoffs = { a: 0.8, b: 0.95 };

/** One ranked customer. */
export interface AbcRow extends CustomerValue {
  /** 1 for the most valuable customer. */
  readonly rank: number;
  /** value / positive total (0 for values ≤ 0). */
  readonly share: number;
  /** Share of the customers ranked up to and including this one. */
  readonly cumulativeShare: number;
  readonly abcClass: AbcClass;
}

/** Customers and value per class. */
export interface ClassTotals {
  readonly customers: number;
  readonly value: number;
}

/** The outcome of `abcAnalysis`. */
export interface AbcResult {
  /** Customers in rank order. */
  readonly rows: AbcRow[];
  /** Sum of the positive values (the denominator of every share). */
  readonly positiveTotal: number;
  /** Sum of all values, losses included. */
  readonly netTotal: number;
  readonly classes: Record<AbcClass, ClassTotals>;
}

/** Indexes of `rows` in rank order: value descending, then customer id ascending. */
function rankOrder(rows: readonly CustomerValue[]): Uint32Array {
  const values = Float64Array.from(rows, (row) => row.value); // compared without object reads
  return Uint32Array.from(rows, (_, i) => i).sort((i, j) => {
    const byValue = values[j]! - values[i]!;
    if (byValue !== 0) return byValue;
    const x = rows[i]!.customerId;
    const y = rows[j]!.customerId;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Sorts by value descending, then customer id ascending. */
export function rankByValue<T extends CustomerValue>(rows: readonly T[]): T[] {
  return Array.from(rankOrder(rows), (i) => rows[i]!);
}

function checkCutoffs(cutoffs: AbcCutoffs): void {
  if (!(cutoffs.a > 0 && cutoffs.a <= cutoffs.b && cutoffs.b <= 1)) {
    throw new AnalyticsInputError("cutoffs", `need 0 < a ≤ b ≤ 1, got ${cutoffs.a}, ${cutoffs.b}`);
  }
}

const positiveSum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) if (v > 0) total += v;
  return total;
};

/**
 * The class of each value, given in rank order. A customer is A when the customers ranked
 * before it hold less than `a` of the positive total, so the customer whose value crosses the
 * cut-off stays in the higher class; likewise for B.
 */
function classesInRankOrder(
  ranked: ArrayLike<number>,
  positiveTotal: number,
  cutoffs: AbcCutoffs,
): AbcClass[] {
  const classes = new Array<AbcClass>(ranked.length);
  let before = 0; // positive value of the customers ranked before this one (exact: integers)
  for (let i = 0; i < ranked.length; i++) {
    const value = ranked[i]!;
    const shareBefore = positiveTotal > 0 ? before / positiveTotal : 1;
    classes[i] = !(value > 0 && positiveTotal > 0)
      ? "C"
      : shareBefore < cutoffs.a
        ? "A"
        : shareBefore < cutoffs.b
          ? "B"
          : "C";
    if (value > 0) before += value;
  }
  return classes;
}

/** Classifies customers A/B/C by cumulative share of value (see `classesInRankOrder`). */
export function abcAnalysis(
  values: readonly CustomerValue[],
  cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS,
): AbcResult {
  checkCutoffs(cutoffs);
  const ranked = rankByValue(values);
  const positiveTotal = positiveSum(ranked.map((v) => v.value));
  let netTotal = 0;
  for (const v of ranked) netTotal += v.value;
  const abcClasses = classesInRankOrder(
    ranked.map((v) => v.value),
    positiveTotal,
    cutoffs,
  );
  const classes: Record<AbcClass, { customers: number; value: number }> = {
    A: { customers: 0, value: 0 },
    B: { customers: 0, value: 0 },
    C: { customers: 0, value: 0 },
  };
  let upTo = 0;
  const rows = ranked.map((v, i): AbcRow => {
    const positive = v.value > 0 && positiveTotal > 0;
    if (positive) upTo += v.value;
    const abcClass = abcClasses[i]!;
    classes[abcClass].customers++;
    classes[abcClass].value += v.value;
    return {
      ...v,
      rank: i + 1,
      share: positive ? v.value / positiveTotal : 0,
      cumulativeShare: positiveTotal > 0 ? upTo / positiveTotal : 0,
      abcClass,
    };
  });
  return { rows, positiveTotal, netTotal, classes };
}

/** The class of each customer, in input order: `abcAnalysis` without the ranked rows. */
export function abcClassesOf(
  values: readonly CustomerValue[],
  cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS,
): AbcClass[] {
  checkCutoffs(cutoffs);
  const order = rankOrder(values);
  const ranked = Float64Array.from(order, (i) => values[i]!.value);
  const inRankOrder = classesInRankOrder(ranked, positiveSum(ranked), cutoffs);
  const classes = new Array<AbcClass>(values.length);
  order.forEach((index, rank) => (classes[index] = inRankOrder[rank]!));
  return classes;
}

/** The four size tiers of SPEC §7. */
export type SizeTier = "top" | "large" | "medium" | "small";

/** Cumulative fractions of customers, by rank: top ≤ `top`, large ≤ `large`, medium ≤ `medium`. */
export interface TierCutoffs {
  readonly top: number;
  readonly large: number;
  readonly medium: number;
}

/** Top 1 % of customers, the next 4 % (to 5 %), the next 15 % (to 20 %), the remaining 80 %. */
export const DEFAULT_TIER_CUTOFFS: TierCutoffs = { top: 0.01, large: 0.05, medium: 0.2 };

/**
 * Splits customers into top / large / medium / small by rank (value descending, ties by id):
 * with n customers the first ⌈top·n⌉ are top, up to ⌈large·n⌉ large, up to ⌈medium·n⌉ medium.
 * Rounding up keeps at least one top customer in any non-empty base.
 */
export function sizeTiers(
  values: readonly CustomerValue[],
  cutoffs: TierCutoffs = DEFAULT_TIER_CUTOFFS,
): Map<string, SizeTier> {
  if (!(cutoffs.top > 0 && cutoffs.top <= cutoffs.large && cutoffs.large <= cutoffs.medium)) {
    throw new AnalyticsInputError("cutoffs", "need 0 < top ≤ large ≤ medium");
  }
  const n = values.length;
  // the epsilon keeps 0.07 · 100 = 7.000000000000001 from rounding up to 8
  const limit = (fraction: number) => Math.ceil(fraction * n - 1e-9);
  const [top, large, medium] = [limit(cutoffs.top), limit(cutoffs.large), limit(cutoffs.medium)];
  const tiers = new Map<string, SizeTier>();
  rankByValue(values).forEach((v, i) => {
    const rank = i + 1;
    tiers.set(
      v.customerId,
      rank <= top ? "top" : rank <= large ? "large" : rank <= medium ? "medium" : "small",
    );
  });
  return tiers;
}

/** A point of the Pareto curve: the top `customerShare` of customers hold `valueShare`. */
export interface ParetoPoint {
  readonly customerShare: number;
  readonly valueShare: number;
}

/**
 * The Pareto (Lorenz-style) curve from (0, 0) through every customer in rank order, downsampled
 * to at most `maxPoints` (≥ 2) evenly spaced ranks, both ends kept.
 */
export function paretoCurve(values: readonly CustomerValue[], maxPoints = 101): ParetoPoint[] {
  if (!(Number.isInteger(maxPoints) && maxPoints >= 2)) {
    throw new AnalyticsInputError("maxPoints", `must be an integer ≥ 2, got ${maxPoints}`);
  }
  const ranked = rankByValue(values);
  const n = ranked.length;
  if (n === 0) return [{ customerShare: 0, valueShare: 0 }];
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + Math.max(ranked[i]!.value, 0);
  const total = cumulative[n]!;
  const points = Math.min(maxPoints, n + 1);
  const curve: ParetoPoint[] = [];
  for (let k = 0; k < points; k++) {
    const i = Math.round((k * n) / (points - 1));
    curve.push({ customerShare: i / n, valueShare: total > 0 ? cumulative[i]! / total : 0 });
  }
  return curve;
}
