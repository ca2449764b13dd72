import { describe, expect, it } from "vitest";
import { problemShare } from "./problemShare.js";

const owner = (ownerId: number, active: number, problem: number) => ({
  ownerId,
  ownerName: `o${ownerId}`,
  active,
  problem,
});

describe("problem-customer share", () => {
  it.each([
    // active, problem, share, alert — the limit is 3 %, "at or below" is fine.
    [100, 0, 0, false],
    [100, 3, 0.03, false],
    [100, 4, 0.04, true],
    [1000, 31, 0.031, true],
    [1000, 30, 0.03, false],
    [33, 1, 1 / 33, true],
    [34, 1, 1 / 34, false],
    [0, 0, 0, false],
    [1, 1, 1, true],
  ])("%i active, %i in problem: share %d, alert %s", (active, problem, share, alert) => {
    const result = problemShare([owner(1, active, problem)]);
    expect(result.overall.share).toBeCloseTo(share, 12);
    expect(result.overall.alert).toBe(alert);
    expect(result.byOwner[0]).toMatchObject({ ownerId: 1, alert });
  });

  it("sums owners for the overall share and lists the worst owner first", () => {
    const result = problemShare([owner(1, 100, 1), owner(2, 50, 5), owner(3, 0, 0)]);
    expect(result.overall).toEqual({ active: 150, problem: 6, share: 0.04, alert: true });
    expect(result.byOwner.map((o) => [o.ownerId, o.alert])).toEqual([
      [2, true],
      [1, false],
      [3, false],
    ]);
  });

  it("takes another limit when asked", () => {
    expect(problemShare([owner(1, 100, 3)], 0.02).overall.alert).toBe(true);
  });
});
