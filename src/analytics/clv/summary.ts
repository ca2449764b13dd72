/**
 * Turns a customer's transactions into the summary the BG/NBD and Gamma-Gamma models take:
 * frequency x, recency t_x, age T and mean repeat value, as defined in the literature's data
 * (Fader, Hardie & Lee 2005, the CDNOW calibration files):
 *
 * - purchases on the same day are one purchase (their amounts are added);
 * - x is the number of purchase days after the first one, within the period;
 * - t_x is the time from the first to the last purchase day, T from the first purchase day to
 *   the end of the period, both in the chosen unit (days, or days ÷ 7 for weeks);
 * - the monetary value is the mean over the repeat purchase days of each day's total: the first
 *   purchase is left out (it is often atypical, FHL 2005 JMR), and it is 0 when x = 0.
 */
import { AnalyticsInputError } from "../errors.js";
import { DAYS_PER_UNIT, type Cents, type Day, type TimeUnit } from "../units.js";
import type { PurchaseHistory } from "./histories.js";

/** One transaction of a customer. */
export interface Purchase {
  readonly day: Day;
  readonly amount: Cents;
}

/** A customer's calibration summary. */
export interface CustomerSummary extends PurchaseHistory {
  /** Mean value of the repeat purchase days, in cents (fractional); 0 when x = 0. */
  readonly monetaryValue: number;
  readonly firstDay: Day;
  readonly lastDay: Day;
  /** Sum of all purchases in the period, the first included. */
  readonly totalValue: Cents;
}

/** Options: the last day of the period (inclusive) and the time unit of t_x and T. */
export interface SummaryOptions {
  readonly end: Day;
  readonly unit: TimeUnit;
}

/**
 * Summarises one customer's purchases up to and including `end`; purchases after it are
 * ignored. Returns null when the customer had not bought by then.
 */
export function summarizePurchases(
  purchases: readonly Purchase[],
  { end, unit }: SummaryOptions,
): CustomerSummary | null {
  const byDay = new Map<number, number>();
  for (const p of purchases) {
    if (!Number.isInteger(p.day)) throw new AnalyticsInputError("day", `not a day: ${p.day}`);
    if (p.day > end) continue;
    byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.amount);
  }
  if (byDay.size === 0) return null;
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const firstDay = days[0]!;
  const lastDay = days[days.length - 1]!;
  let repeatTotal = 0;
  for (const day of days.slice(1)) repeatTotal += byDay.get(day)!;
  let total = 0;
  for (const amount of byDay.values()) total += amount;
  const x = days.length - 1;
  const perUnit = DAYS_PER_UNIT[unit];
  return {
    x,
    tx: (lastDay - firstDay) / perUnit,
    T: (end - firstDay) / perUnit,
    monetaryValue: x > 0 ? repeatTotal / x : 0,
    firstDay: firstDay as Day,
    lastDay: lastDay as Day,
    totalValue: total as Cents,
  };
}

/** One row of a transaction log. */
export interface CustomerPurchase extends Purchase {
  readonly customerId: string;
}

/**
 * Summarises a whole transaction log, customer by customer (see `summarizePurchases`).
 * Customers whose first purchase is after `end` are left out.
 */
export function summarizeTransactions(
  rows: readonly CustomerPurchase[],
  options: SummaryOptions,
): Map<string, CustomerSummary> {
  const byCustomer = new Map<string, Purchase[]>();
  for (const row of rows) {
    let list = byCustomer.get(row.customerId);
    if (!list) byCustomer.set(row.customerId, (list = []));
    list.push(row);
  }
  const result = new Map<string, CustomerSummary>();
  for (const [id, purchases] of byCustomer) {
    const summary = summarizePurchases(purchases, options);
    if (summary) result.set(id, summary);
  }
  return result;
}
