/**
 * Scores a whole customer base in one pass from one summary row per buying customer: ABC by
 * revenue, RFM, the BG/NBD and Gamma-Gamma fits with P(alive), expected purchases and
 * discounted CLV, the CLV quadrants and the life-cycle phase. Pure: the caller reads the rows
 * and stores the scores.
 */
import { abcClassesOf, DEFAULT_ABC_CUTOFFS, type AbcClass, type AbcCutoffs } from "./abc.js";
import { rfmScores, type RfmSegment, type Score } from "./rfm.js";
import {
  fitBgNbdCompressed,
  conditionalExpectedPurchasesAt,
  probabilityAlive,
  type BgNbdFit,
} from "./clv/bgnbd.js";
import {
  fitGammaGamma,
  conditionalExpectedValue,
  type GammaGammaFit,
  type GammaGammaParams,
} from "./clv/gammaGamma.js";
import {
  clvHorizons,
  discountedPurchases,
  classifyValueQuadrants,
  UNITS_PER_MONTH,
  type ValueQuadrant,
  type QuadrantThresholds,
} from "./clv/clv.js";
import { assessLifecycle, type LifecycleOptions, type LifecyclePhase } from "./lifecycle.js";
import { InsufficientDataError } from "./errors.js";
import {
  compressHistories,
  type CompressedHistories,
  type PurchaseHistory,
} from "./clv/histories.js";
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
  const histories = compressHistories(rows.map((row) => historyOf(row, asOf)));

  const fitted = tryFit(notes, () => fitBgNbdCompressed(histories));
  // Without a converged fit (e.g. a base that shows no dropout at all, where a and b run off to
  // infinity) predictions would be guesses: leave them out and say why.
  const bgnbd = fitted?.converged ? fitted : null;
  if (fitted && !fitted.converged)
    notes.push("BG/NBD did not converge on this base; no purchase predictions or CLV");
  const gammaGamma = tryFit(notes, () => fitGammaGamma(rows.map(spendOf)));
  const predictions = bgnbd && predictDistinct(bgnbd, histories, o, notes);

  const abc = abcClassesOf(
    rows.map((row) => ({ customerId: row.customerId, value: row.revenue })),
    o.abcCutoffs,
  );
  const rfm = rfmScores(
    rows.map((row) => ({
      customerId: row.customerId,
      recencyDays: asOf - row.lastDay,
      frequency: row.purchaseDays,
      monetary: row.revenue,
    })),
  );

  let ownMeans = 0;
  const partial = rows.map((row, i) => {
    const slot = histories.slotOf[i]!;
    const expected = gammaGamma && expectedValueOf(gammaGamma.params, row);
    if (expected?.ownMean) ownMeans++;
    const value = expected?.value ?? null;
    const clv = predictions && value !== null ? predictions.clvPerValue[slot]! * value : null;
    return { row, slot, value, clv, historicalProfit: row.revenue - row.cost };
  });
  if (ownMeans)
    notes.push(
      `Gamma-Gamma has no finite mean spend here (q ≤ 1): ${ownMeans} customers without repeat purchases are valued at their own mean spend`,
    );
  const { thresholds, quadrants } = classifyValueQuadrants(
    partial.map((p) => ({
      customerId: p.row.customerId,
      currentValue: p.historicalProfit,
      futureValue: p.clv ?? 0,
    })),
    o.quadrantThresholds,
  );

  const scores = partial.map(({ row, slot, value, clv, historicalProfit }, i): CustomerScore => {
    const r = rfm[i]!;
    const pAlive = predictions ? predictions.pAlive[slot]! : null;
    return {
      customerId: row.customerId,
      abcClass: abc[i]!,
      r: r.r,
      f: r.f,
      m: r.m,
      rfmSegment: r.segment,
      pAlive,
      expectedPurchases: predictions ? predictions.purchases[slot]! : null,
      expectedValue: value,
      clv,
      historicalProfit,
      quadrant: quadrants[i]!,
      lifecyclePhase: assessLifecycle(
        {
          firstDay: row.firstDay,
          lastDay: row.lastDay,
          recentSpend: row.recentSpend,
          previousSpend: row.previousSpend,
        },
        asOf,
        pAlive ?? undefined,
        o.lifecycle,
      ).phase,
    };
  });
  return { scores, bgnbd, gammaGamma, notes, quadrantThresholds: thresholds };
}

/** A summary row's repeat purchases as Gamma-Gamma takes them: how many, and their mean value. */
const spendOf = (row: BaseRow) => {
  const x = row.purchaseDays - 1;
  return { x, meanValue: x > 0 ? row.repeatRevenue / x : 0 };
};

/**
 * The expected value of a customer's future purchases: the Gamma-Gamma conditional mean (on its
 * repeat purchases), or — where the model has none, for a customer without repeat purchases
 * when q ≤ 1 (spend so heavy-tailed that the population mean is infinite) — the customer's own
 * mean spend per purchase day, the best evidence there is.
 */
export function expectedValueOf(
  params: GammaGammaParams,
  row: BaseRow,
): { value: number; ownMean: boolean } {
  const { x, meanValue } = spendOf(row);
  const value = conditionalExpectedValue(params, x, meanValue);
  return value === null
    ? { value: row.revenue / row.purchaseDays, ownMean: true }
    : { value, ownMean: false };
}

/**
 * P(alive), expected purchases and CLV per unit of value for each distinct (x, t_x, T) triple
 * (customers share them), or null with a note when the parameters defeat the series.
 */
function predictDistinct(
  bgnbd: BgNbdFit,
  histories: CompressedHistories,
  o: ScoreOptions,
  notes: string[],
) {
  const { size } = histories;
  const pAlive = new Float64Array(size);
  const purchases = new Float64Array(size);
  const clvPerValue = new Float64Array(size);
  // One pass of the series gives E[Y] at every month end of the CLV and at the horizon of
  // "expected purchases"; CLV is linear in the value per transaction, so it is kept per 1.
  const months = clvHorizons({
    months: o.horizonMonths,
    monthlyDiscountRate: o.monthlyDiscountRate,
    unitsPerMonth: UNITS_PER_MONTH.week,
  });
  const horizons = [...months, o.purchaseHorizonWeeks];
  const expected = new Float64Array(horizons.length);
  try {
    for (let i = 0; i < size; i++) {
      const h = { x: histories.x[i]!, tx: histories.tx[i]!, T: histories.T[i]! };
      conditionalExpectedPurchasesAt(bgnbd.params, h, horizons, expected);
      pAlive[i] = probabilityAlive(bgnbd.params, h);
      purchases[i] = expected[months.length]!;
      clvPerValue[i] = discountedPurchases(expected, o.monthlyDiscountRate, months.length);
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    notes.push(
      `BG/NBD predictions failed on these parameters (${error.message}); no purchase predictions or CLV`,
    );
    return null;
  }
  return { pAlive, purchases, clvPerValue };
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
