/**
 * The repeat-purchase process behind the demo transactions: the BG/NBD story of Fader, Hardie &
 * Lee (2005), "Counting your customers the easy way", Marketing Science 24(2). While alive a
 * customer buys at its own Poisson rate λ ~ Gamma(r, α); after every repeat purchase it drops
 * out with its own probability p ~ Beta(a, b). Spend follows Gamma-Gamma (Fader, Hardie & Lee
 * 2005b): each amount ~ Gamma(shape, ν) with the customer's ν ~ Gamma(q, γ). So the RFM and CLV
 * models fitted later face the very process they assume, with heterogeneity to discover.
 * (Households follow it exactly: fitting BG/NBD to demo individuals gives back r, α, a, b.
 * Businesses do not order at weekends, so their orders move to Monday: BG/NBD-like.)
 */
import type { Scale } from "../shared/enums.js";
import type { DemoRandom } from "./random.js";
import { days, intoBusinessHours, YEAR_DAYS } from "./time.js";

export interface BuyerTraits {
  /** λ: purchases per year while alive. */
  readonly purchasesPerYear: number;
  /** p: chance of dropping out right after each repeat purchase. */
  readonly dropoutAfterPurchase: number;
  /** Gamma shape of single amounts (transaction-level spread). */
  readonly spendShape: number;
  /** The customer's mean amount per purchase, in yuan. */
  readonly meanSpendYuan: number;
  /** Share of revenue spent serving this customer (discounts, service, logistics). */
  readonly costRatio: number;
  /** Fixed cost of each transaction in yuan: small customers cost more per transaction. */
  readonly costPerTransactionYuan: number;
  /** Households buy in the evening and at weekends. */
  readonly household: boolean;
}

/**
 * Population parameters per customer kind, rates per year. A small Gamma shape makes buying
 * rates very unequal (CDNOW's fitted r is 0.24): many one-off project buyers, a few who order
 * every week. Chosen so about 60 % of buyers come back and the base averages about 8.7
 * transactions per customer (a million customers give the ten million of the benchmarks).
 */
const FREQUENCY = {
  organization: { shape: 0.15, meanPerYear: 30 },
  individual: { shape: 0.2, meanPerYear: 8 },
} as const;
const DROPOUT = {
  organization: { a: 0.6, b: 6 },
  individual: { a: 0.8, b: 4 },
} as const;
/** Gamma-Gamma: transaction shape p and the shape q of ν. */
const SPEND_SHAPE = 4;
const SPEND_HETEROGENEITY = 3.5;
const MEAN_AMOUNT_YUAN = { organization: 12_000, individual: 900 } as const;

/**
 * How scale changes amount and cost (SPEC §7): the largest customers buy most but demand the
 * most discount and service; the smallest pay full price but cost more per transaction.
 */
const SCALE_ECONOMICS: Record<Scale, { amount: number; costRatio: number; fixedYuan: number }> = {
  micro: { amount: 0.25, costRatio: 0.56, fixedYuan: 450 },
  small: { amount: 0.5, costRatio: 0.56, fixedYuan: 300 },
  medium: { amount: 1, costRatio: 0.55, fixedYuan: 180 },
  large: { amount: 2.5, costRatio: 0.66, fixedYuan: 180 },
  enterprise: { amount: 6, costRatio: 0.75, fixedYuan: 250 },
};

/** Draws one customer's buying traits from the population distributions. */
export function drawBuyerTraits(
  random: DemoRandom,
  kind: "organization" | "individual",
  scale: Scale | null,
): BuyerTraits {
  const frequency = FREQUENCY[kind];
  const dropout = DROPOUT[kind];
  const economics = scale ? SCALE_ECONOMICS[scale] : { amount: 1, costRatio: 0.6, fixedYuan: 25 };
  // ν ~ Gamma(q, 1): the mean amount is shape/ν, rescaled so the population mean is the target.
  const nu = random.gamma(SPEND_HETEROGENEITY, 1);
  const meanSpendYuan =
    (MEAN_AMOUNT_YUAN[kind] * economics.amount * (SPEND_HETEROGENEITY - 1)) / nu;
  return {
    purchasesPerYear: random.gamma(frequency.shape, frequency.meanPerYear / frequency.shape),
    dropoutAfterPurchase: random.beta(dropout.a, dropout.b),
    spendShape: SPEND_SHAPE,
    meanSpendYuan,
    costRatio: Math.min(0.95, Math.max(0.3, economics.costRatio + random.normal(0, 0.04))),
    costPerTransactionYuan: economics.fixedYuan,
    household: kind === "individual",
  };
}

export interface PurchaseRun {
  /** Purchase moments, ascending; the first is the first purchase. */
  readonly times: number[];
  /** When the customer silently dropped out (its last purchase), or null if still alive. */
  readonly droppedOutAt: number | null;
}

/** Simulates purchases from the first one until the customer drops out or `endAt` comes. */
export function simulatePurchases(
  random: DemoRandom,
  traits: BuyerTraits,
  firstAt: number,
  endAt: number,
): PurchaseRun {
  const times = [firstAt];
  const meanGapDays = YEAR_DAYS / Math.max(traits.purchasesPerYear, 0.05);
  let last = firstAt;
  let droppedOut = false;
  for (;;) {
    const due = intoBusinessHours(
      random,
      last + days(random.exponential(meanGapDays)),
      traits.household,
    );
    // Working hours of the same day may come before the previous order: then it is a second
    // order later that day.
    const next = Math.max(due, last + random.int(5, 120) * 60_000);
    if (next >= endAt) break;
    times.push(next);
    last = next;
    // As in BG/NBD, a customer may drop out right after each repeat purchase, never right after
    // the first: a one-off buyer is one whose rate is low, not one who left at once.
    if (random.chance(traits.dropoutAfterPurchase)) {
      droppedOut = true;
      break;
    }
  }
  return { times, droppedOutAt: droppedOut ? last : null };
}

export interface PurchaseAmounts {
  readonly amountCents: number;
  readonly costCents: number;
}

/** Draws the amount and the cost to serve of one purchase. */
export function drawPurchaseAmounts(random: DemoRandom, traits: BuyerTraits): PurchaseAmounts {
  const amountYuan = random.gamma(traits.spendShape, traits.meanSpendYuan / traits.spendShape);
  const amountCents = Math.max(100, Math.round(amountYuan * 100));
  const variableCost = amountCents * traits.costRatio * (1 + random.normal(0, 0.03));
  const costCents = Math.max(0, Math.round(variableCost + traits.costPerTransactionYuan * 100));
  return { amountCents, costCents };
}
