import { describe, expect, it } from "vitest";
import { AnalyticsInputError } from "./errors.js";
import {
  quintileCutPoints,
  RFM_SEGMENT_MAP,
  RFM_SEGMENTS,
  rfmCutPoints,
  rfmInputsFromTransactions,
  rfmScores,
  rfmSegment,
  type Score,
} from "./rfm.js";
import { cents, toDay } from "./units.js";

// Ten customers; the cut points and scores below are worked out by hand in the comments.
const CUSTOMERS = [
  // id     days  purchase days  cents
  ["c1", 1, 10, 10_000],
  ["c2", 5, 8, 8_000],
  ["c3", 10, 6, 6_000],
  ["c4", 20, 5, 5_000],
  ["c5", 30, 4, 4_000],
  ["c6", 60, 3, 3_000],
  ["c7", 90, 2, 2_000],
  ["c8", 120, 1, 1_500],
  ["c9", 200, 1, 1_000],
  ["c10", 400, 1, 500],
].map(([customerId, recencyDays, frequency, monetary]) => ({
  customerId: customerId as string,
  recencyDays: recencyDays as number,
  frequency: frequency as number,
  monetary: monetary as number,
}));

describe("rfmCutPoints", () => {
  it("takes the ⌈k·n/5⌉-th smallest value as the k-th cut point", () => {
    // n = 10: the 2nd, 4th, 6th and 8th smallest values
    expect(rfmCutPoints(CUSTOMERS)).toEqual({
      recency: [200, 90, 30, 10], // of −days: −200, −90, −30, −10
      frequency: [1, 2, 4, 6], // sorted 1 1 1 2 3 4 5 6 8 10
      monetary: [1_000, 2_000, 4_000, 6_000],
    });
    expect(quintileCutPoints([7])).toEqual([7, 7, 7, 7]);
  });
});

describe("rfmScores", () => {
  it("scores a hand-computed table", () => {
    // R = 1 + #{days < cut}, F and M = 1 + #{value > cut}; FM = ⌊(F+M+1)/2⌋
    const expected: [string, number, number, number, string][] = [
      ["c1", 5, 5, 5, "champions"],
      ["c2", 5, 5, 5, "champions"],
      ["c3", 4, 4, 4, "loyal"],
      ["c4", 4, 4, 4, "loyal"],
      ["c5", 3, 3, 3, "need_attention"],
      ["c6", 3, 3, 3, "need_attention"],
      ["c7", 2, 2, 2, "hibernating"],
      ["c8", 2, 1, 2, "hibernating"], // FM = ⌊4/2⌋ = 2
      ["c9", 1, 1, 1, "lost"],
      ["c10", 1, 1, 1, "lost"],
    ];
    expect(rfmScores(CUSTOMERS).map((s) => [s.customerId, s.r, s.f, s.m, s.segment])).toEqual(
      expected,
    );
  });

  it("gives equal values equal scores, even when that skips scores", () => {
    // 70 % bought once: cut points 1, 1, 1, 2 → once scores 1, twice 4, more 5
    const frequencies = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3];
    const inputs = frequencies.map((frequency, i) => ({
      customerId: `x${i}`,
      recencyDays: 10,
      frequency,
      monetary: 100,
    }));
    expect(rfmCutPoints(inputs).frequency).toEqual([1, 1, 1, 2]);
    expect(rfmScores(inputs).map((s) => s.f)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 4, 5]);
    // everyone has the same recency and spend, so the same R and M
    expect(new Set(rfmScores(inputs).map((s) => `${s.r}${s.m}`)).size).toBe(1);
  });

  it("accepts explicit thresholds", () => {
    const scores = rfmScores(CUSTOMERS, {
      recency: [180, 90, 30, 7],
      frequency: [1, 2, 4, 8],
      monetary: [1_000, 2_500, 5_000, 9_000],
    });
    expect(scores.slice(0, 3).map((s) => [s.r, s.f, s.m])).toEqual([
      [5, 5, 5], // 1 day, 10 days bought, 10 000
      [5, 4, 4], // 5 days, 8, 8 000
      [4, 4, 4], // 10 days, 6, 6 000
    ]);
  });

  it("rejects cut points out of order", () => {
    const bad = { recency: [7, 30, 90, 180], frequency: [1, 2, 4, 8], monetary: [1, 2, 3, 4] };
    expect(() => rfmScores(CUSTOMERS, bad)).toThrow(AnalyticsInputError);
  });
});

describe("rfmSegment", () => {
  const scores: Score[] = [1, 2, 3, 4, 5];

  it("puts every one of the 125 R×F×M cells in exactly one box of the map", () => {
    const used = new Set<string>();
    for (const r of scores) {
      for (const f of scores) {
        for (const m of scores) {
          const fm = Math.floor((f + m + 1) / 2);
          const boxes = RFM_SEGMENT_MAP.filter(
            (b) => r >= b.r[0] && r <= b.r[1] && fm >= b.fm[0] && fm <= b.fm[1],
          );
          expect(boxes, `R${r} F${f} M${m}`).toHaveLength(1);
          expect(rfmSegment(r, f, m)).toBe(boxes[0]!.segment);
          used.add(boxes[0]!.segment);
        }
      }
    }
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it.each([
    [5, 5, 5, "champions"],
    [5, 1, 1, "new"],
    [4, 1, 1, "promising"],
    [5, 1, 5, "potential_loyalist"], // one big first order: FM 3
    [3, 4, 5, "loyal"],
    [2, 3, 3, "at_risk"],
    [1, 5, 5, "cant_lose_them"],
    [3, 1, 2, "about_to_sleep"],
    [2, 1, 1, "hibernating"],
    [1, 1, 2, "lost"],
  ] as [Score, Score, Score, string][])("R%d F%d M%d is %s", (r, f, m, segment) => {
    expect(rfmSegment(r, f, m)).toBe(segment);
  });
});

describe("rfmInputsFromTransactions", () => {
  it("counts purchase days, totals spend and measures days to asOf", () => {
    const row = (customerId: string, date: string, amount: number) => ({
      customerId,
      day: toDay(date),
      amount: cents(amount),
    });
    const rows = [
      row("a", "2024-03-01", 1000),
      row("a", "2024-03-01", 500), // same day: one visit
      row("a", "2024-03-20", 2000),
      row("b", "2024-01-10", 700),
      row("b", "2024-04-02", 9999), // after asOf: ignored
      row("c", "2024-04-02", 100), // only after asOf: not a customer yet
    ];
    expect(rfmInputsFromTransactions(rows, toDay("2024-03-31"))).toEqual([
      { customerId: "a", recencyDays: 11, frequency: 2, monetary: 3500 },
      { customerId: "b", recencyDays: 81, frequency: 1, monetary: 700 },
    ]);
  });
});
