import { describe, expect, it } from "vitest";
import { scoreBase, historyOf, expectedValueOf, type BaseRow } from "./scoreBase.js";
import { conditionalExpectedValue } from "./clv/gammaGamma.js";
import type { Cents, Day } from "./units.js";

const row = (
  id: number,
  firstDay: number,
  lastDay: number,
  purchaseDays: number,
  revenue: number,
  repeatRevenue = 0,
): BaseRow => ({
  customerId: String(id),
  firstDay: firstDay as Day,
  lastDay: lastDay as Day,
  purchaseDays,
  revenue: revenue as Cents,
  cost: 0 as Cents,
  repeatRevenue: repeatRevenue as Cents,
  recentSpend: 0,
  previousSpend: 0,
});

describe("scoreBase", () => {
  it("turns a summary row into the literature's (x, t_x, T) in weeks", () => {
    // First purchase on day 0, last on day 14, three purchase days, as of day 28.
    expect(historyOf(row(1, 0, 14, 3, 100), 28 as Day)).toEqual({ x: 2, tx: 2, T: 4 });
    expect(historyOf(row(2, 7, 7, 1, 100), 28 as Day)).toEqual({ x: 0, tx: 0, T: 3 });
  });

  it("still scores ABC and RFM, without predictions, when the base cannot support a fit", () => {
    const rows = [row(1, 0, 0, 1, 500), row(2, 0, 0, 1, 300), row(3, 10, 10, 1, 200)];
    const result = scoreBase(rows, 100 as Day);
    expect(result.bgnbd).toBeNull();
    expect(result.notes.join(" ")).toMatch(/repeat/);
    expect(result.scores.map((s) => [s.customerId, s.abcClass, s.clv])).toEqual([
      ["1", "A", null],
      ["2", "A", null],
      ["3", "B", null],
    ]);
  });

  it("leaves predictions out rather than failing when the fit runs away (no dropout in the data)", () => {
    // Perfectly regular buyers that never stop: a and b of BG/NBD grow without bound.
    const rows = Array.from({ length: 300 }, (_, i) => {
      const id = i + 1;
      const n = id % 5;
      const gap = ((id % 7) + 3) * 7;
      const first = id % 30;
      return row(id, first, first + n * gap, n + 1, 1000 * (n + 1), 1000 * n);
    });
    const result = scoreBase(rows, 365 as Day);
    expect(result.scores).toHaveLength(300);
    expect(result.bgnbd).toBeNull();
    expect(result.notes.join(" ")).toMatch(/BG\/NBD/);
    expect(result.scores.every((s) => s.pAlive === null && s.clv === null)).toBe(true);
  });
});

describe("expectedValueOf", () => {
  const heavyTail = { p: 0.75, q: 0.92, gamma: 500 };
  const lightTail = { p: 6, q: 4, gamma: 15 };

  it("is the Gamma-Gamma conditional mean of the repeat purchases when the model has one", () => {
    // three purchase days: 900 first, then 300 and 500 → x = 2, mean repeat value 400
    expect(expectedValueOf(heavyTail, row(1, 0, 20, 3, 1700, 800))).toEqual({
      value: conditionalExpectedValue(heavyTail, 2, 400),
      ownMean: false,
    });
    expect(expectedValueOf(lightTail, row(2, 0, 0, 1, 900))).toEqual({
      value: (6 * 15) / 3, // the population mean pγ/(q−1)
      ownMean: false,
    });
  });

  it("falls back to the customer's own mean spend where q ≤ 1 leaves a one-time buyer no mean", () => {
    expect(conditionalExpectedValue(heavyTail, 0, 0)).toBeNull();
    expect(expectedValueOf(heavyTail, row(3, 0, 0, 1, 900))).toEqual({
      value: 900,
      ownMean: true,
    });
  });
});
