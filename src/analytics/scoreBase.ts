/**
 * Scores a whole customer base in one pass from one summary row per buying customer: ABC by
 * revenue, RFM, the BG/NBD and Gamma-Gamma fits with P(alive), expected purchases and
 * discounted CLV, the CLV quadrants and the life-cycle phase. Pure: the caller reads the rows
 * and stores the scores.
 */
import { abcAnalysis, DEFAULT_ABC_CUTOFFS, type AbcClass, type AbcCutoffs } from "./abc.js";
import { rfmScores, type RfmSegment, type Score } from "./rfm.js";
import {
  fitBgNbd,
  conditionalExpectedPurchases,
  probabilityAlive,
  type BgNbdFit,
} from "./clv/bgnbd.js";
import { fitGammaGamma, conditionalExpectedValue, type GammaGammaFit } from "./clv/gammaGamma.js";
import {
  discountedClv,
  classifyValueQuadrants,
  UNITS_PER_MONTH,
  type ValueQuadrant,
  type QuadrantThresholds,
} from "./clv/clv.js";
import { assessLifecycle, type LifecycleOptions, type LifecyclePhase } from "./lifecycle.js";
import { InsufficientDataError } from "./errors.js";
import type { PurchaseHistory } from "./clv/histories.js";
import type { Cents, Day } from "./units.js";

/** One buying customer's purchase summary (see `purchase_summaries`). */
export interface BaseRow {
  readonly customerId: string;
  readonly firstDay: Day;
  readonly lastDay: Day;
  /** Distinct purchase days, the first included. */
  readonly purchaseDays: number;
  readonly revenue: Cents;
  readonly cost: Cents;
  /** Revenue of the purchase days after the first. */
  readonly repeatRevenue: Cents;
  /** Spend in the recent life-cycle window and the one before it. */
  readonly recentSpend: number;
  readonly previousSpend: number;
}

export interface ScoreOptions {
  /** CLV horizon in months and monthly discount rate (defaults 12 and 1 %). */
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  /** Horizon of "expected purchases", in weeks (default 52). */
  readonly purchaseHorizonWeeks: number;
  readonly abcCutoffs: AbcCutoffs;
  readonly quadrantThresholds: Partial<QuadrantThresholds>;
  readonly lifecycle: Partial<LifecycleOptions>;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = {
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  purchaseHorizonWeeks: 52,
  abcCutoffs: DEFAULT_ABC_CUTOFFS,
  quadrantThresholds: {},
  lifecycle: {},
};

export interface CustomerScore {
  readonly customerId: string;
  readonly abcClass: AbcClass;
  readonly r: Score;
  readonly f: Score;
  readonly m: Score;
  readonly rfmSegment: RfmSegment;
  /** Null when the models could not be fitted on this base. */
  readonly pAlive: number | null;
  readonly expectedPurchases: number | null;
  readonly expectedValue: number | null;
  readonly clv: number | null;
  readonly historicalProfit: number;
  readonly quadrant: ValueQuadrant;
  readonly lifecyclePhase: LifecyclePhase;
}

export interface BaseScores {
  readonly scores: CustomerScore[];
  readonly bgnbd: BgNbdFit | null;
  readonly gammaGamma: GammaGammaFit | null;
  /** Why a model is missing, e.g. too few repeat customers. */
  readonly notes: string[];
  readonly quadrantThresholds: QuadrantThresholds;
}

const WEEK = 7;

/** The BG/NBD history of a summary row, in weeks, as of `asOf`. */
export const historyOf = (row: BaseRow, asOf: Day): PurchaseHistory => ({
  x: row.purchaseDays - 1,
  tx: row.purchaseDays > 1 ? (row.lastDay - row.firstDay) / WEEK : 0,
  T: Math.max(asOf - row.firstDay, row.lastDay - row.firstDay) / WEEK,
});

export function scoreBase(
  rows: readonly BaseRow[],
  asOf: Day,
  options: Partial<ScoreOptions> = {},
): BaseScores {
  const o = { ...DEFAULT_SCORE_OPTIONS, ...options };
  const notes: string[] = [];
  const histories = rows.map((row) => historyOf(row, asOf));

  const fitted = tryFit(notes, () => fitBgNbd(histories));
  // Without a converged fit (e.g. a base that shows no dropout at all, where a and b run off to
  // infinity) predictions would be guesses: leave them out and say why.
  const bgnbd = fitted?.converged ? fitted : null;
  if (fitted && !fitted.converged)
    notes.push("BG/NBD did not converge on this base; no purchase predictions or CLV");
  const spend = rows.map((row) => ({
    x: row.purchaseDays - 1,
    meanValue: row.purchaseDays > 1 ? row.repeatRevenue / (row.purchaseDays - 1) : 0,
  }));
  const gammaGamma = tryFit(notes, () => fitGammaGamma(spend));

  // Customers share (x, t_x, T) triples: predict each distinct one once.
  const predictions = new Map<string, { pAlive: number; purchases: number; clvPerValue: number }>();
  const predict = (h: PurchaseHistory) => {
    const key = `${h.x}|${h.tx}|${h.T}`;
    let p = predictions.get(key);
    if (!p && bgnbd && !predictionFailed) {
      p = {
        pAlive: probabilityAlive(bgnbd.params, h),
        purchases: conditionalExpectedPurchases(bgnbd.params, h, o.purchaseHorizonWeeks),
        // CLV is linear in the value per transaction: compute it for a value of 1.
        clvPerValue: discountedClv(bgnbd.params, h, 1, {
          months: o.horizonMonths,
          monthlyDiscountRate: o.monthlyDiscountRate,
          unitsPerMonth: UNITS_PER_MONTH.week,
        }),
      };
      predictions.set(key, p);
    }
    return p ?? null;
  };
  let predictionFailed = false;
  try {
    for (const h of histories) predict(h);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    predictionFailed = true;
    predictions.clear();
    notes.push(
      `BG/NBD predictions failed on these parameters (${error.message}); no purchase predictions or CLV`,
    );
  }

  const abc = new Map(
    abcAnalysis(
      rows.map((row) => ({ customerId: row.customerId, value: row.revenue })),
      o.abcCutoffs,
    ).rows.map((r) => [r.customerId, r.abcClass]),
  );
  const rfm = new Map(
    rfmScores(
      rows.map((row) => ({
        customerId: row.customerId,
        recencyDays: asOf - row.lastDay,
        frequency: row.purchaseDays,
        monetary: row.revenue,
      })),
    ).map((s) => [s.customerId, s]),
  );

  const partial = rows.map((row, i) => {
    const history = histories[i]!;
    const prediction = predict(history);
    const value = gammaGamma
      ? conditionalExpectedValue(gammaGamma.params, spend[i]!.x, spend[i]!.meanValue)
      : null;
    const clv = prediction && value !== null ? prediction.clvPerValue * value : null;
    return { row, prediction, value, clv, historicalProfit: row.revenue - row.cost };
  });
  const { thresholds, quadrants } = classifyValueQuadrants(
    partial.map((p) => ({
      customerId: p.row.customerId,
      currentValue: p.historicalProfit,
      futureValue: p.clv ?? 0,
    })),
    o.quadrantThresholds,
  );

  const scores = partial.map(({ row, prediction, value, clv, historicalProfit }): CustomerScore => {
    const r = rfm.get(row.customerId)!;
    return {
      customerId: row.customerId,
      abcClass: abc.get(row.customerId)!,
      r: r.r,
      f: r.f,
      m: r.m,
      rfmSegment: r.segment,
      pAlive: prediction?.pAlive ?? null,
      expectedPurchases: prediction?.purchases ?? null,
      expectedValue: value,
      clv,
      historicalProfit,
      quadrant: quadrants.get(row.customerId)!,
      lifecyclePhase: assessLifecycle(
        {
          firstDay: row.firstDay,
          lastDay: row.lastDay,
          recentSpend: row.recentSpend,
          previousSpend: row.previousSpend,
        },
        asOf,
        prediction?.pAlive,
        o.lifecycle,
      ).phase,
    };
  });
  return { scores, bgnbd, gammaGamma, notes, quadrantThresholds: thresholds };
}

function tryFit<T>(notes: string[], fit: () => T): T | null {
  try {
    return fit();
  } catch (error) {
    if (error instanceof InsufficientDataError) {
      notes.push(error.message);
      return null;
    }
    throw error;
  }
}
