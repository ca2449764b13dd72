/**
 * Customer lifetime value from the two fitted models, and the value quadrants of SPEC §7
 * (current value × future value → MVC, MGC, maintain, abandon).
 */
import { AnalyticsInputError } from "../errors.js";
import type { TimeUnit } from "../units.js";
import { conditionalExpectedPurchasesAt, type BgNbdParams } from "./bgnbd.js";
import type { PurchaseHistory } from "./histories.js";

/**
 * Time units per month, as the discounting steps are months: 4.345 weeks (52.14/12) or 30 days,
 * the convention of the CLV literature's software.
 */
export const UNITS_PER_MONTH: Readonly<Record<TimeUnit, number>> = { week: 4.345, day: 30 };

/** Options of the discounted CLV. */
export interface ClvOptions {
  /** Horizon in months (M ≥ 0, an integer). */
  readonly months: number;
  /** Discount rate per month (D > −1; e.g. 0.01 ≈ 12.7 % a year). */
  readonly monthlyDiscountRate: number;
  /** Units of the history per month (f): `UNITS_PER_MONTH[unit]`. */
  readonly unitsPerMonth: number;
}

/**
 * Discounted expected value of a customer's purchases over the next M months:
 *
 *   CLV = Σ_{k=1..M} v · (E[Y(k·f)] − E[Y((k−1)·f)]) / (1 + D)^k
 *
 * where E[Y(t)] is the BG/NBD conditional expectation (FHL 2005, eq. 10) for the customer's
 * history, v the expected value per transaction (Gamma-Gamma conditional mean) and each month's
 * expected purchases are discounted at the end of that month (FHL 2005 JMR discuss the
 * continuous-time analogue, the discounted expected residual transactions).
 */
export function discountedClv(
  params: BgNbdParams,
  history: PurchaseHistory,
  valuePerTransaction: number,
  options: ClvOptions,
): number {
  const horizons = clvHorizons(options);
  const cumulative = conditionalExpectedPurchasesAt(params, history, horizons);
  return valuePerTransaction * discountedPurchases(cumulative, options.monthlyDiscountRate);
}

/** The month ends k·f, k = 1…M, at which the CLV sum needs E[Y]; checks the options. */
export function clvHorizons(options: ClvOptions): number[] {
  const { months, monthlyDiscountRate: D, unitsPerMonth: f } = options;
  if (!Number.isInteger(months) || months < 0) {
    throw new AnalyticsInputError("months", `must be a non-negative integer, got ${months}`);
  }
  if (!(D > -1)) throw new AnalyticsInputError("discount", `must be > -1, got ${D}`);
  if (!(f > 0)) throw new AnalyticsInputError("unitsPerMonth", `must be > 0, got ${f}`);
  return Array.from({ length: months }, (_, k) => (k + 1) * f);
}

/**
 * Σ_k (E[Y(k·f)] − E[Y((k−1)·f)]) / (1 + D)^k from E[Y] at the month ends (`clvHorizons`,
 * possibly followed by other horizons, which are ignored): the CLV of a value of 1.
 */
export function discountedPurchases(
  cumulative: ArrayLike<number>,
  monthlyDiscountRate: number,
  months = cumulative.length,
): number {
  let sum = 0;
  let previous = 0;
  let discount = 1;
  for (let k = 0; k < months; k++) {
    discount /= 1 + monthlyDiscountRate;
    sum += (cumulative[k]! - previous) * discount;
    previous = cumulative[k]!;
  }
  return sum;
}

/** The four CLV types of SPEC §7. */
export type ValueQuadrant = "mvc" | "mgc" | "maintain" | "abandon";

/** One customer's current (historical) value and predicted future value, same money unit. */
export interface ValuePosition {
  readonly customerId: string;
  readonly currentValue: number;
  readonly futureValue: number;
}

/** Thresholds above which a current or future value counts as high. */
export interface QuadrantThresholds {
  readonly current: number;
  readonly future: number;
}

/**
 * Places customers in the value matrix:
 *
 * | current \ future | high             | low                   |
 * |------------------|------------------|-----------------------|
 * | high             | MVC (贵宾型)     | maintain (维持型)     |
 * | low              | MGC (改进型)     | abandon (放弃型)      |
 *
 * A value is high when strictly above its threshold. Default thresholds are the medians of the
 * customers given, but never below 0, so a customer worth nothing or less (the "below zero" of
 * the source) is always low, and at most half of the base is high on each axis. The quadrants
 * come back in the order of `positions`.
 */
export function classifyValueQuadrants(
  positions: readonly ValuePosition[],
  thresholds: Partial<QuadrantThresholds> = {},
): { thresholds: QuadrantThresholds; quadrants: ValueQuadrant[] } {
  const used = {
    current: thresholds.current ?? Math.max(0, median(positions.map((p) => p.currentValue))),
    future: thresholds.future ?? Math.max(0, median(positions.map((p) => p.futureValue))),
  };
  const quadrants = positions.map((p): ValueQuadrant => {
    const highNow = p.currentValue > used.current;
    const highLater = p.futureValue > used.future;
    return highNow ? (highLater ? "mvc" : "maintain") : highLater ? "mgc" : "abandon";
  });
  return { thresholds: used, quadrants };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
