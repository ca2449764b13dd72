import { describe, expect, it } from "vitest";
import {
  cohortRetention,
  periodIndex,
  periodLabel,
  periodRetention,
  periodStart,
  problemShareOfStages,
  profitBySizeTier,
  shareOfWallet,
  stageDistribution,
  stageFlows,
  upgradeDurations,
  upgradeVelocity,
} from "./kpis.js";
import { cents, toDay, type Cents } from "./units.js";

const d = toDay;
const span = (customerId: string, first: string, last: string) => ({
  customerId,
  firstDay: d(first),
  lastDay: d(last),
});

describe("calendar periods", () => {
  it.each([
    ["2024-03-15", "month", "2024-03", "2024-03-01"],
    ["2024-03-15", "quarter", "2024-Q1", "2024-01-01"],
    ["2024-11-30", "quarter", "2024-Q4", "2024-10-01"],
    ["2024-03-15", "year", "2024", "2024-01-01"],
  ] as const)("%s lies in %s period %s starting %s", (date, kind, label, start) => {
    const index = periodIndex(d(date), kind);
    expect(periodLabel(index, kind)).toBe(label);
    expect(periodStart(index, kind)).toBe(d(start));
  });
});

describe("cohortRetention", () => {
  it("follows each acquisition cohort month by month", () => {
    const spans = [
      span("a", "2024-01-05", "2024-03-10"), // January cohort, active into March
      span("b", "2024-01-20", "2024-02-02"), // January cohort, gone after February
      span("c", "2024-01-31", "2024-01-31"), // January cohort, one purchase
      span("d", "2024-02-14", "2024-03-01"), // February cohort
      span("e", "2024-04-01", "2024-04-01"), // after asOf: ignored
    ];
    expect(cohortRetention(spans, { asOf: d("2024-03-31"), period: "month" })).toEqual([
      {
        cohort: "2024-01",
        size: 3,
        retained: [3, 2, 1], // Feb: a, b (last ≥ Feb 1); Mar: a
        retention: [1, 2 / 3, 1 / 3],
        churn: [null, 1 - 2 / 3, 0.5],
      },
      { cohort: "2024-02", size: 1, retained: [1, 1], retention: [1, 1], churn: [null, 0] },
    ]);
  });
});

describe("periodRetention", () => {
  it("counts retained, gained and lost customers between consecutive quarters", () => {
    const activity = [
      { customerId: "a", days: [d("2024-01-10"), d("2024-04-10"), d("2024-07-01")] },
      { customerId: "b", days: [d("2024-02-10"), d("2024-05-10")] },
      { customerId: "c", days: [d("2024-03-10")] },
      { customerId: "d", days: [d("2024-06-30"), d("2024-12-01")] }, // December is after asOf
    ];
    const rows = periodRetention(activity, {
      from: d("2024-01-01"),
      asOf: d("2024-08-15"),
      period: "quarter",
    });
    expect(rows).toEqual([
      {
        period: "2024-Q1",
        active: 3,
        retained: 0,
        gained: 3,
        lost: 0,
        retentionRate: null,
        churnRate: null,
        complete: true,
      },
      {
        period: "2024-Q2",
        active: 3,
        retained: 2,
        gained: 1,
        lost: 1,
        retentionRate: 2 / 3,
        churnRate: 1 - 2 / 3,
        complete: true,
      },
      {
        period: "2024-Q3",
        active: 1,
        retained: 1,
        gained: 0,
        lost: 2,
        retentionRate: 1 / 3,
        churnRate: 1 - 1 / 3,
        complete: false,
      },
    ]);
  });
});

describe("stageDistribution", () => {
  it("lists every stage with its count and share", () => {
    const { total, byStage } = stageDistribution(["new", "new", "old", "core"]);
    expect(total).toBe(4);
    expect(byStage.new).toEqual({ count: 2, share: 0.5 });
    expect(byStage.strategic).toEqual({ count: 0, share: 0 });
    expect(Object.keys(byStage)).toHaveLength(8);
  });
});

describe("stageFlows", () => {
  const events = [
    { customerId: "a", day: d("2024-01-01"), to: "target" as const },
    { customerId: "a", day: d("2024-02-01"), to: "new" as const },
    { customerId: "a", day: d("2024-05-01"), to: "old" as const },
    { customerId: "b", day: d("2024-01-15"), to: "new" as const },
    { customerId: "c", day: d("2024-03-01"), to: "potential" as const }, // arrives in between
    { customerId: "c", day: d("2024-03-01"), to: "target" as const }, // same day: later wins
    { customerId: "e", day: d("2024-09-01"), to: "new" as const }, // after the period
  ];

  it("moves each customer from its stage on the first date to its stage on the second", () => {
    expect(stageFlows(events, d("2024-02-15"), d("2024-06-30"))).toEqual([
      { from: null, to: "target", customers: 1 },
      { from: "new", to: "new", customers: 1 },
      { from: "new", to: "old", customers: 1 },
    ]);
  });
});

describe("upgradeVelocity", () => {
  it("compares months in stage with the typical time (new 2–4, old 3–12, core 12)", () => {
    const asOf = d("2024-12-31");
    const result = upgradeVelocity(
      [
        { customerId: "n1", stage: "new", since: d("2024-11-15") }, // 1 month: early
        { customerId: "n2", stage: "new", since: d("2024-09-30") }, // 3 months: on time
        { customerId: "n3", stage: "new", since: d("2024-08-31") }, // 4 months: overdue
        { customerId: "o1", stage: "old", since: d("2024-01-31") }, // 11 months: on time
        { customerId: "c1", stage: "core", since: d("2023-12-31") }, // 12 months: overdue
        { customerId: "p1", stage: "problem", since: d("2020-01-01") }, // no typical time
      ],
      asOf,
    );
    expect(result.map((r) => [r.customerId, r.months, r.status])).toEqual([
      ["n1", 1, "early"],
      ["n2", 3, "on_time"],
      ["n3", 4, "overdue"],
      ["o1", 11, "on_time"],
      ["c1", 12, "overdue"],
      ["p1", 59, "untimed"],
    ]);
  });
});

describe("upgradeDurations", () => {
  it("times completed upgrades out of each stage", () => {
    const ev = (customerId: string, date: string, to: "new" | "old" | "core" | "problem") => ({
      customerId,
      day: d(date),
      to,
    });
    const timing = upgradeDurations([
      ev("a", "2024-01-10", "new"),
      ev("a", "2024-02-20", "old"), // 1 month in new: fast
      ev("b", "2024-01-10", "new"),
      ev("b", "2024-04-10", "old"), // 3 months: on time
      ev("b", "2025-06-10", "core"), // 14 months in old: slow
      ev("c", "2024-01-10", "new"),
      ev("c", "2024-03-10", "problem"), // a fall, not an upgrade
    ]);
    expect(timing.new).toEqual({ upgrades: 2, medianMonths: 2, fast: 1, onTime: 1, slow: 0 });
    expect(timing.old).toEqual({ upgrades: 1, medianMonths: 14, fast: 0, onTime: 0, slow: 1 });
    expect(timing.core).toEqual({ upgrades: 0, medianMonths: null, fast: 0, onTime: 0, slow: 0 });
  });
});

describe("problemShareOfStages", () => {
  it("counts problem customers among the active ones against 3 %", () => {
    // 2 problem of 50 active (the exited one does not count): 4 %
    const stages = [...Array(48).fill("old"), "problem", "problem", "exited"];
    expect(problemShareOfStages(stages)).toEqual({
      active: 50,
      problem: 2,
      share: 0.04,
      alert: true,
      limit: 0.03,
    });
    expect(problemShareOfStages([...Array(99).fill("new"), "problem"]).alert).toBe(false);
  });
});

describe("shareOfWallet", () => {
  it("divides our spend by the category spend where it is known", () => {
    const c = (n: number | null) => (n === null ? null : cents(n));
    const rows = [
      { customerId: "a", ourSpend: cents(300), categorySpend: c(1000) },
      { customerId: "b", ourSpend: cents(500), categorySpend: c(500) },
      { customerId: "c", ourSpend: cents(800), categorySpend: c(600) }, // inconsistent: capped
      { customerId: "d", ourSpend: cents(100), categorySpend: null },
    ];
    expect(shareOfWallet(rows)).toEqual({
      customers: [
        { customerId: "a", share: 0.3 },
        { customerId: "b", share: 1 },
        { customerId: "c", share: 1 },
        { customerId: "d", share: null },
      ],
      overall: (300 + 500 + 600) / (1000 + 500 + 600),
      known: 3,
    });
  });
});

describe("profitBySizeTier", () => {
  it("tiers customers by revenue and sums profit per tier", () => {
    // 20 customers: rank 1 top, 2–… with ⌈0.05·20⌉ = 1 → no large, ranks 2–4 medium, rest small
    const rows = Array.from({ length: 20 }, (_, i) => ({
      customerId: `c${String(i).padStart(2, "0")}`,
      revenue: cents(10_000 - i * 100) as Cents,
      cost: cents(i === 0 ? 9_000 : 1_000) as Cents,
    }));
    const result = profitBySizeTier(rows);
    expect(result.top).toEqual({
      customers: 1,
      revenue: 10_000,
      cost: 9_000,
      profit: 1_000,
      margin: 0.1,
      profitPerCustomer: 1_000,
    });
    expect(result.large.customers).toBe(0);
    expect(result.large.margin).toBeNull();
    // medium: revenues 9900, 9800, 9700, each costing 1000
    expect(result.medium.profit).toBe(9_900 + 9_800 + 9_700 - 3_000);
    expect(result.small.customers).toBe(16);
  });
});
