import { describe, expect, it } from "vitest";
import { pooledCurve, pooledRetention } from "./retention.js";

const retention = {
  period: "quarter",
  cohorts: [
    // Three quarters before the newest: measured for periods 0–2.
    { cohort: "2024-01", size: 10, retained: [10, 6, 3], retention: [1, 0.6, 0.3] },
    // Two quarters before: periods 0–1 (nobody bought after the first quarter: 0 retained).
    { cohort: "2024-04", size: 30, retained: [30], retention: [1] },
    // One before: period 0 only, its period 1 is still running.
    { cohort: "2024-07", size: 20, retained: [20, 1], retention: [1, 0.05] },
    { cohort: "2024-10", size: 5, retained: [5], retention: [1] },
  ],
};

describe("pooled cohort retention", () => {
  it("weights the cohorts old enough for the period by size", () => {
    expect(pooledRetention(retention, 0)).toBe(1);
    expect(pooledRetention(retention, 1)).toBeCloseTo(6 / (10 + 30));
    expect(pooledRetention(retention, 2)).toBeCloseTo(3 / 10);
    expect(pooledRetention(retention, 3)).toBeNull();
  });

  it("gives the curve while some cohort is old enough", () => {
    expect(pooledCurve(retention)).toEqual([1, 0.15, 0.3]);
    expect(pooledCurve({ period: "month", cohorts: [] })).toEqual([]);
  });
});
