import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cents, parseCents, toDay, type Day } from "../units.js";
import { summarizePurchases, summarizeTransactions, type CustomerPurchase } from "./summary.js";

const CDNOW = path.resolve(process.cwd(), "../shared/data/cdnow");

const d = (iso: string) => toDay(iso);

describe("summarizePurchases", () => {
  const purchases = [
    { day: d("2024-01-01"), amount: cents(1000) },
    { day: d("2024-01-01"), amount: cents(500) }, // same day: merged with the first purchase
    { day: d("2024-01-15"), amount: cents(2000) },
    { day: d("2024-02-05"), amount: cents(700) },
    { day: d("2024-02-05"), amount: cents(300) }, // same day: one purchase of 10.00
    { day: d("2024-03-01"), amount: cents(9900) }, // after the end: ignored
  ];

  it("counts repeat purchase days and measures time from the first purchase", () => {
    const summary = summarizePurchases(purchases, { end: d("2024-02-29"), unit: "day" });
    // x: 2 repeat days (01-15, 02-05); t_x: 35 days; T: 59 days (2024 is a leap year)
    // monetary: mean of the repeat days' totals, (2000 + 1000) / 2
    expect(summary).toEqual({
      x: 2,
      tx: 35,
      T: 59,
      monetaryValue: 1500,
      firstDay: d("2024-01-01"),
      lastDay: d("2024-02-05"),
      totalValue: 4500,
    });
  });

  it("measures in weeks as days ÷ 7", () => {
    const summary = summarizePurchases(purchases, { end: d("2024-02-29"), unit: "week" })!;
    expect(summary.tx).toBe(5);
    expect(summary.T).toBeCloseTo(59 / 7, 15);
  });

  it("gives x = 0, t_x = 0 and monetary 0 for a one-time buyer, null for a non-buyer", () => {
    const once = summarizePurchases(purchases.slice(0, 2), { end: d("2024-02-29"), unit: "day" });
    expect(once).toMatchObject({ x: 0, tx: 0, T: 59, monetaryValue: 0, totalValue: 1500 });
    expect(summarizePurchases(purchases, { end: d("2023-12-31"), unit: "day" })).toBeNull();
  });
});

/** `CDNOW_sample.txt`: master id, sample id, YYYYMMDD, number of CDs, dollars (CRLF, no header). */
function cdnowTransactions(): CustomerPurchase[] {
  const text = readFileSync(path.join(CDNOW, "CDNOW_sample.txt"), "utf8");
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: String(Number(id)), day: toDay(date!), amount: parseCents(dollars!) };
    });
}

function csvRows(file: string): string[][] {
  const text = readFileSync(path.join(CDNOW, file), "utf8");
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));
}

/** Rounds weeks to 2 decimals as the files do (days ÷ 7 never ends in an exact half). */
const round2 = (value: number) => Math.round(value * 100) / 100;
/** Rounds a mean in cents to whole cents, half up as the file does (2234.5 → 22.35). */
const toDollars = (meanCents: number) => Math.round(meanCents) / 100;

describe("summarizeTransactions on CDNOW", () => {
  // README: rows dated on or before 1997-09-30, same-day purchases merged, days ÷ 7
  const summaries = summarizeTransactions(cdnowTransactions(), {
    end: d("1997-09-30") as Day,
    unit: "week",
  });

  it("rebuilds cdnow_customers_summary.csv exactly", () => {
    const rows = csvRows("cdnow_customers_summary.csv");
    expect(summaries.size).toBe(rows.length);
    expect(rows).toHaveLength(2357);
    for (const [id, frequency, recency, T] of rows) {
      const s = summaries.get(id!)!;
      expect([id, s.x, round2(s.tx), round2(s.T)]).toEqual([
        id,
        Number(frequency),
        Number(recency),
        Number(T),
      ]);
    }
  });

  it("rebuilds the mean repeat spend of cdnow_customers_summary_with_transactions.csv", () => {
    for (const [id, x, tx, T, zbar] of csvRows("cdnow_customers_summary_with_transactions.csv")) {
      const s = summaries.get(id!)!;
      // monetaryValue is in cents; the file in dollars rounded to cents
      const expected = [Number(x), Number(tx), Number(T), Number(zbar)];
      expect([s.x, round2(s.tx), round2(s.T), toDollars(s.monetaryValue)]).toEqual(expected);
    }
  });

  it("matches the README's totals: 946 repeat buyers with 2,457 repeat purchases", () => {
    const all = [...summaries.values()];
    expect(all.filter((s) => s.x > 0)).toHaveLength(946);
    expect(all.reduce((sum, s) => sum + s.x, 0)).toBe(2457);
  });
});
