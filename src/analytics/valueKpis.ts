/** Value measures of SPEC §7 and §12: share of wallet and profit by size tier. */
import { sizeTiers, type SizeTier, type TierCutoffs } from "./abc.js";
import type { Cents } from "./units.js";

/** Our spend with a customer and the customer's total spend in the category, where known. */
export interface WalletRow {
  readonly customerId: string;
  readonly ourSpend: Cents;
  readonly categorySpend: Cents | null;
}

/**
 * Share of wallet (SPEC §7): our spend / the customer's category spend, per customer (null when
 * unknown or not positive; capped at 1, as our sales are part of the category spend) and over
 * the customers where it is known (Σ ours / Σ category).
 */
export function shareOfWallet(rows: readonly WalletRow[]): {
  customers: { customerId: string; share: number | null }[];
  overall: number | null;
  known: number;
} {
  let ours = 0;
  let category = 0;
  let known = 0;
  const customers = rows.map((r) => {
    if (r.categorySpend === null || r.categorySpend <= 0)
      return { customerId: r.customerId, share: null };
    known++;
    ours += Math.min(r.ourSpend, r.categorySpend);
    category += r.categorySpend;
    return {
      customerId: r.customerId,
      share: Math.min(1, Math.max(0, r.ourSpend / r.categorySpend)),
    };
  });
  return { customers, overall: known > 0 ? ours / category : null, known };
}

/** A customer's revenue and cost to serve (service, communication, marketing, production). */
export interface ProfitRow {
  readonly customerId: string;
  readonly revenue: Cents;
  readonly cost: Cents;
}

/** Totals of one size tier. */
export interface TierProfit {
  readonly customers: number;
  readonly revenue: number;
  readonly cost: number;
  readonly profit: number;
  /** profit / revenue and profit per customer; null when undefined. */
  readonly margin: number | null;
  readonly profitPerCustomer: number | null;
}

/**
 * Profit by size tier (SPEC §7: the largest customers cost the most, medium ones are often the
 * most profitable): customers are tiered by revenue (`sizeTiers`), then summed.
 */
export function profitBySizeTier(
  rows: readonly ProfitRow[],
  cutoffs?: TierCutoffs,
): Record<SizeTier, TierProfit> {
  const tiers = sizeTiers(
    rows.map((r) => ({ customerId: r.customerId, value: r.revenue })),
    cutoffs,
  );
  const sums = { top: [0, 0, 0], large: [0, 0, 0], medium: [0, 0, 0], small: [0, 0, 0] };
  for (const r of rows) {
    const s = sums[tiers.get(r.customerId)!];
    s[0]! += 1;
    s[1]! += r.revenue;
    s[2]! += r.cost;
  }
  const tier = ([customers, revenue, cost]: number[]): TierProfit => {
    const profit = revenue! - cost!;
    return {
      customers: customers!,
      revenue: revenue!,
      cost: cost!,
      profit,
      margin: revenue! > 0 ? profit / revenue! : null,
      profitPerCustomer: customers! > 0 ? profit / customers! : null,
    };
  };
  return {
    top: tier(sums.top),
    large: tier(sums.large),
    medium: tier(sums.medium),
    small: tier(sums.small),
  };
}
