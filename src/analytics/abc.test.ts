import { describe, expect, it } from "vitest";
import { abcAnalysis, abcClassesOf, paretoCurve, sizeTiers, type CustomerValue } from "./abc.js";
import { AnalyticsInputError } from "./errors.js";
import { cents } from "./units.js";

const values = (pairs: [string, number][]): CustomerValue[] =>
  pairs.map(([customerId, value]) => ({ customerId, value: cents(value) }));

describe("abcAnalysis", () => {
  it("classifies a hand-computed table (total 1000)", () => {
    // rank  id  value  share  cumulative  share before  class
    //  1    a   500    .50    .50         0             A
    //  2    b   300    .30    .80         .50           A   (reaches 80 % exactly: "up to 80 %")
    //  3    c   100    .10    .90         .80           B
    //  4    d    50    .05    .95         .90           B   (reaches 95 % exactly)
    //  5    e    30    .03    .98         .95           C
    //  6    f    20    .02   1.00         .98           C
    const result = abcAnalysis(
      values([
        ["e", 30],
        ["a", 500],
        ["f", 20],
        ["c", 100],
        ["b", 300],
        ["d", 50],
      ]),
    );
    expect(
      result.rows.map((r) => [r.customerId, r.rank, r.share, r.cumulativeShare, r.abcClass]),
    ).toEqual([
      ["a", 1, 0.5, 0.5, "A"],
      ["b", 2, 0.3, 0.8, "A"],
      ["c", 3, 0.1, 0.9, "B"],
      ["d", 4, 0.05, 0.95, "B"],
      ["e", 5, 0.03, 0.98, "C"],
      ["f", 6, 0.02, 1, "C"],
    ]);
    expect(result.classes).toEqual({
      A: { customers: 2, value: 800 },
      B: { customers: 2, value: 150 },
      C: { customers: 2, value: 50 },
    });
  });

  it("keeps the customer who crosses a cut-off in the higher class", () => {
    // 600 → 60 %, 300 crosses 80 % (to 90 %) and stays A; 100 crosses 95 % and stays B
    const result = abcAnalysis(
      values([
        ["x", 600],
        ["y", 300],
        ["z", 100],
      ]),
    );
    expect(result.rows.map((r) => r.abcClass)).toEqual(["A", "A", "B"]);
  });

  it("breaks ties by customer id and honours custom cut-offs", () => {
    const result = abcAnalysis(
      values([
        ["b", 10],
        ["a", 10],
        ["c", 10],
        ["d", 10],
      ]),
      { a: 0.5, b: 0.75 },
    );
    // shares before: 0, .25, .5, .75 → A, A, B, C
    expect(result.rows.map((r) => `${r.customerId}${r.abcClass}`)).toEqual([
      "aA",
      "bA",
      "cB",
      "dC",
    ]);
  });

  it("takes shares of the positive total and puts losses in C", () => {
    const result = abcAnalysis(
      values([
        ["p", 900],
        ["q", 100],
        ["r", 0],
        ["s", -400],
      ]),
    );
    expect(result.positiveTotal).toBe(1000);
    expect(result.netTotal).toBe(600);
    expect(result.rows.map((r) => [r.customerId, r.share, r.cumulativeShare, r.abcClass])).toEqual([
      ["p", 0.9, 0.9, "A"],
      ["q", 0.1, 1, "B"],
      ["r", 0, 1, "C"],
      ["s", 0, 1, "C"],
    ]);
  });

  it("puts everyone in C when nobody has positive value", () => {
    const result = abcAnalysis(
      values([
        ["a", 0],
        ["b", -5],
      ]),
    );
    expect(result.rows.map((r) => r.abcClass)).toEqual(["C", "C"]);
    expect(result.positiveTotal).toBe(0);
    expect(abcAnalysis([]).rows).toEqual([]);
  });

  it("rejects cut-offs out of order", () => {
    expect(() => abcAnalysis([], { a: 0.9, b: 0.8 })).toThrow(AnalyticsInputError);
  });
});

describe("abcClassesOf", () => {
  it("gives abcAnalysis's class to each customer, in input order, ties and losses included", () => {
    // values from a small set, so that many customers tie at the cut-offs
    const input = Array.from({ length: 500 }, (_, i) => ({
      customerId: `c${(i * 7919) % 500}`,
      value: cents(((i * 31) % 13) * 100 - 200),
    }));
    const byId = new Map(abcAnalysis(input, { a: 0.6, b: 0.9 }).rows.map((r) => [r.customerId, r]));
    expect(abcClassesOf(input, { a: 0.6, b: 0.9 })).toEqual(
      input.map((v) => byId.get(v.customerId)!.abcClass),
    );
  });
});

describe("sizeTiers", () => {
  it("takes the top 1 %, next 4 %, next 15 % and the rest by rank", () => {
    // 200 customers valued 200, 199, …, 1: ranks 1–2 top, 3–10 large, 11–40 medium, 41–200 small
    const base = values(
      Array.from({ length: 200 }, (_, i) => [`c${i}`, 200 - i] as [string, number]),
    );
    const tiers = sizeTiers(base);
    const count = (tier: string) => [...tiers.values()].filter((t) => t === tier).length;
    expect([count("top"), count("large"), count("medium"), count("small")]).toEqual([
      2, 8, 30, 160,
    ]);
    expect(tiers.get("c0")).toBe("top");
    expect(tiers.get("c2")).toBe("large");
    expect(tiers.get("c39")).toBe("medium");
    expect(tiers.get("c40")).toBe("small");
  });

  it("rounds up, so a small base still has a top customer", () => {
    // 10 customers: ⌈0.1⌉ = 1 top, ⌈0.5⌉ = 1 (no large), ⌈2⌉ = 2 (one medium)
    const tiers = sizeTiers(
      values(Array.from({ length: 10 }, (_, i) => [`${i}`, 10 - i] as [string, number])),
    );
    expect([...tiers.values()]).toEqual(["top", "medium", ...Array(8).fill("small")]);
  });

  it("does not round exact products up (7 % of 100 is 7 customers)", () => {
    const base = values(
      Array.from({ length: 100 }, (_, i) => [`c${i}`, 100 - i] as [string, number]),
    );
    const tiers = sizeTiers(base, { top: 0.07, large: 0.07, medium: 0.07 });
    expect([...tiers.values()].filter((t) => t === "top")).toHaveLength(7);
  });
});

describe("paretoCurve", () => {
  it("passes through every customer of a small base", () => {
    expect(
      paretoCurve(
        values([
          ["a", 60],
          ["b", 30],
          ["c", 10],
          ["d", 0],
        ]),
      ),
    ).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.25, valueShare: 0.6 },
      { customerShare: 0.5, valueShare: 0.9 },
      { customerShare: 0.75, valueShare: 1 },
      { customerShare: 1, valueShare: 1 },
    ]);
  });

  it("downsamples to at most N evenly spaced points, keeping both ends", () => {
    const base = values(
      Array.from({ length: 1000 }, (_, i) => [`c${i}`, 1000 - i] as [string, number]),
    );
    const curve = paretoCurve(base, 11);
    expect(curve).toHaveLength(11);
    expect(curve[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(curve[10]).toEqual({ customerShare: 1, valueShare: 1 });
    // the top 10 % (values 1000…901) hold (1000+901)·50 / 500500 of the total
    expect(curve[1]!.customerShare).toBe(0.1);
    expect(curve[1]!.valueShare).toBeCloseTo(95_050 / 500_500, 15);
  });
});
