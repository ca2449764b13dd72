import { describe, expect, it } from "vitest";
import { AnalyticsInputError } from "../errors.js";
import { conditionalExpectedPurchases, type BgNbdParams } from "./bgnbd.js";
import { classifyValueQuadrants, discountedClv, UNITS_PER_MONTH } from "./clv.js";

const PARAMS: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const HISTORY = { x: 2, tx: 30.43, T: 38.86 };
const WEEKLY = { unitsPerMonth: UNITS_PER_MONTH.week };

describe("discountedClv", () => {
  it("telescopes to v · E[Y(M·f)] without discounting", () => {
    const clv = discountedClv(PARAMS, HISTORY, 25, {
      ...WEEKLY,
      months: 12,
      monthlyDiscountRate: 0,
    });
    const purchases = conditionalExpectedPurchases(PARAMS, HISTORY, 12 * 4.345);
    expect(clv).toBeCloseTo(25 * purchases, 12);
  });

  it("discounts each month's expected purchases at the end of that month", () => {
    // two months of 30 days, by hand: v·E₁/(1+D) + v·(E₂ − E₁)/(1+D)²
    const e1 = conditionalExpectedPurchases(PARAMS, HISTORY, 30 / 7);
    const e2 = conditionalExpectedPurchases(PARAMS, HISTORY, 60 / 7);
    const options = { months: 2, monthlyDiscountRate: 0.01, unitsPerMonth: 30 / 7 };
    const expected = (10 * e1) / 1.01 + (10 * (e2 - e1)) / 1.01 ** 2;
    expect(discountedClv(PARAMS, HISTORY, 10, options)).toBeCloseTo(expected, 12);
  });

  it("does not depend on the time unit once α and the history use the same one", () => {
    // days = 7 × weeks: λ per day = λ per week / 7, so α_days = 7 α_weeks
    const inWeeks = discountedClv(PARAMS, HISTORY, 10, {
      months: 12,
      monthlyDiscountRate: 0.01,
      unitsPerMonth: 30 / 7,
    });
    const inDays = discountedClv(
      { ...PARAMS, alpha: PARAMS.alpha * 7 },
      { x: 2, tx: 30.43 * 7, T: 38.86 * 7 },
      10,
      { months: 12, monthlyDiscountRate: 0.01, unitsPerMonth: UNITS_PER_MONTH.day },
    );
    expect(inDays).toBeCloseTo(inWeeks, 12);
  });

  it("is 0 over no months and falls as the discount rate rises", () => {
    expect(
      discountedClv(PARAMS, HISTORY, 25, { ...WEEKLY, months: 0, monthlyDiscountRate: 0.01 }),
    ).toBe(0);
    const values = [0, 0.01, 0.05, 0.2].map((D) =>
      discountedClv(PARAMS, HISTORY, 25, { ...WEEKLY, months: 24, monthlyDiscountRate: D }),
    );
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
  });

  it.each([
    [{ months: 1.5, monthlyDiscountRate: 0.01 }, "months"],
    [{ months: -1, monthlyDiscountRate: 0.01 }, "months"],
    [{ months: 12, monthlyDiscountRate: -1 }, "discount"],
  ])("rejects %o", (options, field) => {
    expect(() => discountedClv(PARAMS, HISTORY, 25, { ...WEEKLY, ...options })).toThrow(
      expect.objectContaining({ field }) as AnalyticsInputError,
    );
  });
});

describe("classifyValueQuadrants", () => {
  /** The quadrants (given in input order) keyed by customer. */
  const byId = (
    positions: { customerId: string }[],
    result: ReturnType<typeof classifyValueQuadrants>,
  ) => ({
    ...result,
    quadrants: new Map(positions.map((p, i) => [p.customerId, result.quadrants[i]!])),
  });
  const positions = [
    { customerId: "a", currentValue: 900, futureValue: 800 }, // high, high → MVC
    { customerId: "b", currentValue: 50, futureValue: 700 }, // low, high → MGC
    { customerId: "c", currentValue: 600, futureValue: 20 }, // high, low → maintain
    { customerId: "d", currentValue: 10, futureValue: 5 }, // low, low → abandon
    { customerId: "e", currentValue: -40, futureValue: -10 }, // below zero → abandon
  ];

  it("uses the medians as default thresholds (here 50 and 20)", () => {
    const { thresholds, quadrants } = byId(positions, classifyValueQuadrants(positions));
    expect(thresholds).toEqual({ current: 50, future: 20 });
    // strictly above the threshold is high, so b (current 50) and c (future 20) are low there
    expect(Object.fromEntries(quadrants)).toEqual({
      a: "mvc",
      b: "mgc",
      c: "maintain",
      d: "abandon",
      e: "abandon",
    });
  });

  it("accepts explicit thresholds", () => {
    const { quadrants } = byId(
      positions,
      classifyValueQuadrants(positions, { current: 5, future: 500 }),
    );
    expect(Object.fromEntries(quadrants)).toEqual({
      a: "mvc",
      b: "mvc",
      c: "maintain",
      d: "maintain",
      e: "abandon",
    });
  });

  it("never counts a value of zero or less as high by default", () => {
    const losses = [
      { customerId: "x", currentValue: -5, futureValue: -1 },
      { customerId: "y", currentValue: -3, futureValue: 0 },
      { customerId: "z", currentValue: 0, futureValue: 4 },
    ];
    const { thresholds, quadrants } = byId(losses, classifyValueQuadrants(losses));
    expect(thresholds).toEqual({ current: 0, future: 0 });
    expect(Object.fromEntries(quadrants)).toEqual({ x: "abandon", y: "abandon", z: "mgc" });
  });
});
