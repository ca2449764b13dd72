/**
 * RFM analysis (SPEC §7): recency, frequency and monetary scores 1–5 and named segments.
 *
 * Definitions (see `rfmInputsFromTransactions`): recency is days from the last purchase to
 * `asOf`; frequency is the number of distinct purchase days (several orders on one day are one
 * visit, as in `clv/summary.ts`); monetary is the total spent, in cents. Callers may pass the
 * mean order value instead ("RFA" uses the amount bought): scoring does not care.
 *
 * Scoring uses value-based cut points, so equal values always get equal scores (rank-based
 * quintiles would split the many customers who bought exactly once across scores 1–3):
 * for each measure the cut points q₁ ≤ q₂ ≤ q₃ ≤ q₄ are the 20/40/60/80 % quantiles of the
 * customers' values (inverse empirical CDF: qₖ = the ⌈k·n/5⌉-th smallest value), and
 *
 *   score = 1 + #{k : value > qₖ}      (for recency: 1 + #{k : days < qₖ'}, fewer days better)
 *
 * With distinct values each score holds 20 % of the customers. With ties, cut points coincide
 * and scores are skipped rather than split: if 60 % bought once, q₁ = q₂ = q₃ = 1, one-time
 * buyers score 1 and two-time buyers jump to 4, which still reads as "better than ~60 %".
 * Explicit thresholds can replace the quantiles (e.g. frequency [1, 2, 4, 8]).
 */
import { AnalyticsInputError } from "./errors.js";
import type { CustomerPurchase } from "./clv/summary.js";
import type { Day } from "./units.js";

/** One customer's RFM measures. */
export interface RfmInput {
  readonly customerId: string;
  /** Days since the last purchase (≥ 0). */
  readonly recencyDays: number;
  /** Number of purchase days (≥ 1 for a buyer). */
  readonly frequency: number;
  /** Total (or mean) spend, in cents. */
  readonly monetary: number;
}

/**
 * Four thresholds per measure. Frequency and monetary ascending: the score is 1 + how many the
 * value exceeds. Recency in days, descending (e.g. [180, 90, 30, 7]): 1 + how many the number
 * of days is below.
 */
export interface RfmCutPoints {
  readonly recency: readonly number[];
  readonly frequency: readonly number[];
  readonly monetary: readonly number[];
}

export type Score = 1 | 2 | 3 | 4 | 5;

/** The named segments, from best to worst. */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The segment map on R × FM, where FM = ⌊(F + M + 1)/2⌋ (the mean of F and M, halves rounded
 * up). Every one of the 125 R×F×M cells falls in exactly one box (tested).
 *
 * | R \ FM | 1              | 2                  | 3                  | 4         | 5               |
 * |--------|----------------|--------------------|--------------------|-----------|-----------------|
 * | 5      | new            | potential loyalist | potential loyalist | champions | champions       |
 * | 4      | promising      | potential loyalist | potential loyalist | loyal     | champions       |
 * | 3      | about to sleep | about to sleep     | need attention     | loyal     | loyal           |
 * | 2      | hibernating    | hibernating        | at risk            | at risk   | can't lose them |
 * | 1      | lost           | lost               | at risk            | at risk   | can't lose them |
 */
export const RFM_SEGMENT_MAP: readonly {
  readonly segment: RfmSegment;
  readonly r: readonly [number, number];
  readonly fm: readonly [number, number];
}[] = [
  { segment: "champions", r: [5, 5], fm: [4, 5] },
  { segment: "champions", r: [4, 4], fm: [5, 5] },
  { segment: "loyal", r: [4, 4], fm: [4, 4] },
  { segment: "loyal", r: [3, 3], fm: [4, 5] },
  { segment: "potential_loyalist", r: [4, 5], fm: [2, 3] },
  { segment: "new", r: [5, 5], fm: [1, 1] },
  { segment: "promising", r: [4, 4], fm: [1, 1] },
  { segment: "need_attention", r: [3, 3], fm: [3, 3] },
  { segment: "about_to_sleep", r: [3, 3], fm: [1, 2] },
  { segment: "at_risk", r: [1, 2], fm: [3, 4] },
  { segment: "cant_lose_them", r: [1, 2], fm: [5, 5] },
  { segment: "hibernating", r: [2, 2], fm: [1, 2] },
  { segment: "lost", r: [1, 1], fm: [1, 2] },
];

/** The combined frequency-monetary score: the mean of F and M, halves rounded up. */
export function fmScore(f: Score, m: Score): Score {
  return Math.floor((f + m + 1) / 2) as Score;
}

/** The segment of an (R, F, M) cell. */
export function rfmSegment(r: Score, f: Score, m: Score): RfmSegment {
  const fm = fmScore(f, m);
  const box = RFM_SEGMENT_MAP.find(
    (b) => r >= b.r[0] && r <= b.r[1] && fm >= b.fm[0] && fm <= b.fm[1],
  );
  if (!box) throw new AnalyticsInputError("score", `no segment for R${r} F${f} M${m}`);
  return box.segment;
}

/** The segment of every cell, looked up by (r−1)·25 + (f−1)·5 + (m−1): scoring a million
 * customers then costs no search. */
const SEGMENT_OF_CELL: readonly RfmSegment[] = Array.from({ length: 125 }, (_, cell) =>
  rfmSegment(
    (Math.floor(cell / 25) + 1) as Score,
    ((Math.floor(cell / 5) % 5) + 1) as Score,
    ((cell % 5) + 1) as Score,
  ),
);

/** The 20/40/60/80 % quantiles of `values` (inverse empirical CDF). */
export function quintileCutPoints(values: readonly number[]): number[] {
  if (values.length === 0) return [0, 0, 0, 0];
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return [1, 2, 3, 4].map((k) => sorted[Math.ceil((k * n) / 5 - 1e-9) - 1]!);
}

/** 1 + the number of cut points that `value` exceeds. */
export function scoreAbove(value: number, cutPoints: readonly number[]): Score {
  let score = 1;
  for (const c of cutPoints) if (value > c) score++;
  return score as Score;
}

/** The cut points of each measure from the customers' own values (see the file comment). */
export function rfmCutPoints(inputs: readonly RfmInput[]): RfmCutPoints {
  // recency: quantiles of −days, so that fewer days is "more"; reported back in days
  const recency = quintileCutPoints(inputs.map((c) => -c.recencyDays)).map((q) => -q);
  return {
    recency,
    frequency: quintileCutPoints(inputs.map((c) => c.frequency)),
    monetary: quintileCutPoints(inputs.map((c) => c.monetary)),
  };
}

/** One customer's scores and segment. */
export interface RfmScore {
  readonly customerId: string;
  readonly r: Score;
  readonly f: Score;
  readonly m: Score;
  readonly segment: RfmSegment;
}

/**
 * Scores customers against `cutPoints` (default: computed from these customers; pass the
 * whole base's cut points to score a subset consistently).
 */
export function rfmScores(
  inputs: readonly RfmInput[],
  cutPoints: RfmCutPoints = rfmCutPoints(inputs),
): RfmScore[] {
  for (const [name, points] of Object.entries(cutPoints) as [string, readonly number[]][]) {
    const ascending = name === "recency" ? [...points].reverse() : points;
    if (points.length !== 4 || ascending.some((v, i) => i > 0 && v < ascending[i - 1]!)) {
      throw new AnalyticsInputError(name, "needs four cut points in order");
    }
  }
  const negatedRecency = cutPoints.recency.map((q) => -q);
  return inputs.map((c) => {
    const r = scoreAbove(-c.recencyDays, negatedRecency);
    const f = scoreAbove(c.frequency, cutPoints.frequency);
    const m = scoreAbove(c.monetary, cutPoints.monetary);
    const segment = SEGMENT_OF_CELL[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]!;
    return { customerId: c.customerId, r, f, m, segment };
  });
}

/**
 * Builds RFM inputs from a transaction log as of `asOf` (later rows are ignored): recency in
 * days since the last purchase day, frequency in distinct purchase days, monetary as the total.
 */
export function rfmInputsFromTransactions(
  rows: readonly CustomerPurchase[],
  asOf: Day,
): RfmInput[] {
  const byCustomer = new Map<string, { days: Set<number>; last: number; total: number }>();
  for (const row of rows) {
    if (row.day > asOf) continue;
    let c = byCustomer.get(row.customerId);
    if (!c) byCustomer.set(row.customerId, (c = { days: new Set(), last: row.day, total: 0 }));
    c.days.add(row.day);
    c.last = Math.max(c.last, row.day);
    c.total += row.amount;
  }
  return [...byCustomer].map(([customerId, c]) => ({
    customerId,
    recencyDays: asOf - c.last,
    frequency: c.days.size,
    monetary: c.total,
  }));
}
