/**
 * Turns a customer's purchase moments into transaction rows: amounts and costs from its buyer
 * traits, products it habitually buys (priced so amount ≈ quantity × unit price) and the
 * channel it prefers.
 */
import type { DemoIds } from "./ids.js";
import { drawPurchaseAmounts, type BuyerTraits } from "./purchaseProcess.js";
import type { DemoRandom } from "./random.js";
import type { TransactionRow } from "./rows.js";
import { HOUR_MS, isoTime } from "./time.js";
import type { Product } from "./vocabulary/companies.js";

const ORGANIZATION_CHANNELS = ["直销", "直销", "经销商", "招投标", "线上商城"] as const;
const HOUSEHOLD_CHANNELS = ["线上商城", "线上商城", "门店", "电话订购"] as const;

export interface PurchaseRows {
  readonly transactions: TransactionRow[];
  /** Products bought, most often first (the customer's `products` attribute). */
  readonly productsBought: string[];
  /** Revenue of the last 365 days, in cents. */
  readonly lastYearRevenueCents: number;
}

/** Builds the transactions of one customer from its purchase moments. */
export function buildPurchaseRows(
  random: DemoRandom,
  ids: DemoIds,
  customerId: number,
  traits: BuyerTraits,
  catalogue: readonly Product[],
  purchases: readonly number[],
  asOf: number,
): PurchaseRows {
  if (purchases.length === 0)
    return { transactions: [], productsBought: [], lastYearRevenueCents: 0 };
  const favourites = new Set(random.sample(catalogue, random.int(1, 3)));
  const channel = random.pick(traits.household ? HOUSEHOLD_CHANNELS : ORGANIZATION_CHANNELS);
  const counts = new Map<string, number>();
  let lastYearRevenueCents = 0;
  const transactions: TransactionRow[] = [];
  for (const at of purchases) {
    const { amountCents, costCents } = drawPurchaseAmounts(random, traits);
    const product = chooseProduct(random, catalogue, favourites, amountCents / 100);
    counts.set(product.name, (counts.get(product.name) ?? 0) + 1);
    if (at > asOf - 365 * 24 * HOUR_MS) lastYearRevenueCents += amountCents;
    transactions.push({
      id: ids.next("transactions"),
      customer_id: customerId,
      occurred_at: isoTime(at),
      amount_cents: amountCents,
      cost_cents: costCents,
      quantity: Math.max(1, Math.round(amountCents / 100 / product.unitPrice)),
      product: product.name,
      // Most orders come through the customer's usual channel.
      channel: random.chance(0.85)
        ? channel
        : random.pick(traits.household ? HOUSEHOLD_CHANNELS : ORGANIZATION_CHANNELS),
      // Entered into the system by the end of the next working day.
      created_at: isoTime(Math.min(asOf, at + random.uniform(0.1, 30) * HOUR_MS)),
    });
  }
  const productsBought = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
  return { transactions, productsBought, lastYearRevenueCents };
}

/** A product this amount could buy, preferring the customer's habitual ones. */
function chooseProduct(
  random: DemoRandom,
  catalogue: readonly Product[],
  favourites: ReadonlySet<Product>,
  amountYuan: number,
): Product {
  const affordable = catalogue.filter((product) => product.unitPrice <= amountYuan * 1.2);
  if (affordable.length === 0) {
    return catalogue.reduce((cheapest, product) =>
      product.unitPrice < cheapest.unitPrice ? product : cheapest,
    );
  }
  const habitual = affordable.filter((product) => favourites.has(product));
  return random.pick(habitual.length > 0 && random.chance(0.8) ? habitual : affordable);
}
