import { describe, expect, it } from "vitest";
import { lifecyclePhase, phaseEconomics } from "./lifecycle.js";
import { cents, toDay, type Day } from "./units.js";

const asOf = toDay("2024-12-31");
/** A purchase `daysAgo` days before asOf. */
const buy = (daysAgo: number, amount: number) => ({
  day: (asOf - daysAgo) as Day,
  amount: cents(amount),
});

describe("lifecyclePhase", () => {
  // windows of 90 days: recent = 0–89 days ago, previous = 90–179 days ago
  it.each([
    ["no purchases yet", [], undefined, "acquisition", "no_purchases"],
    ["first purchase 30 days ago", [buy(30, 500)], undefined, "acquisition", "new_customer"],
    ["nothing for a year", [buy(400, 900), buy(365, 100)], undefined, "termination", "inactive"],
    ["P(alive) 0.05", [buy(300, 100), buy(10, 100)], 0.05, "termination", "not_alive"],
    ["P(alive) 0.3", [buy(300, 100), buy(10, 100)], 0.3, "decline", "unlikely_alive"],
    [
      "spend 1000 → 1300 (+30 %)",
      [buy(200, 1), buy(100, 1000), buy(10, 1300)],
      undefined,
      "growth",
      "spend_rising",
    ],
    [
      "spend 1000 → 1100 (+10 %)",
      [buy(200, 1), buy(100, 1000), buy(10, 1100)],
      undefined,
      "maturity",
      "spend_steady",
    ],
    [
      "spend 1000 → 800 (−20 %)",
      [buy(200, 1), buy(100, 1000), buy(10, 800)],
      undefined,
      "decline",
      "spend_falling",
    ],
    [
      "spend after an empty window",
      [buy(200, 100), buy(5, 100)],
      undefined,
      "growth",
      "spend_rising",
    ],
    [
      "no spend in either window",
      [buy(250, 100), buy(200, 100)],
      undefined,
      "decline",
      "spend_falling",
    ],
  ] as const)("%s → %s", (_label, purchases, pAlive, phase, reason) => {
    const assessment = lifecyclePhase(purchases, asOf, pAlive);
    expect([assessment.phase, assessment.reason]).toEqual([phase, reason]);
  });

  it("reports the figures behind the verdict and ignores purchases after asOf", () => {
    const assessment = lifecyclePhase(
      [buy(200, 50), buy(100, 1000), buy(10, 1300), buy(-5, 999)],
      asOf,
    );
    expect(assessment).toEqual({
      phase: "growth",
      reason: "spend_rising",
      tenureDays: 200,
      daysSinceLastPurchase: 10,
      recentSpend: 1300,
      previousSpend: 1000,
    });
  });

  it("honours custom thresholds", () => {
    const purchases = [buy(100, 30), buy(50, 1000), buy(10, 1100)];
    // 60-day windows: recent = 1000 + 1100 (50 and 10 days ago), previous = 30 (100 days ago)
    expect(lifecyclePhase(purchases, asOf, undefined, { windowDays: 60 }).previousSpend).toBe(30);
    expect(lifecyclePhase(purchases, asOf, undefined, { acquisitionDays: 120 }).phase).toBe(
      "acquisition",
    );
  });
});

describe("phaseEconomics", () => {
  it("sums revenue and investment per phase, return only where costs are known", () => {
    const economics = phaseEconomics([
      { phase: "acquisition", revenue: cents(100), investment: cents(400) },
      { phase: "acquisition", revenue: cents(50), investment: null },
      { phase: "maturity", revenue: cents(1000), investment: cents(100) },
      { phase: "maturity", revenue: cents(800), investment: cents(100) },
    ]);
    expect(economics.acquisition).toEqual({
      customers: 2,
      revenue: 150,
      customersWithCosts: 1,
      costedRevenue: 100,
      investment: 400,
      netReturn: -300,
      returnOnInvestment: -0.75,
    });
    expect(economics.maturity.netReturn).toBe(1600);
    expect(economics.maturity.returnOnInvestment).toBe(8);
    expect(economics.growth).toEqual({
      customers: 0,
      revenue: 0,
      customersWithCosts: 0,
      costedRevenue: 0,
      investment: 0,
      netReturn: 0,
      returnOnInvestment: null,
    });
  });
});
