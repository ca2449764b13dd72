import { describe, expect, it } from "vitest";
import { DemoRandom, deriveSeed } from "./random.js";

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const draw = (n: number, f: (r: DemoRandom) => number) => {
  const random = new DemoRandom(42);
  return Array.from({ length: n }, () => f(random));
};

describe("DemoRandom", () => {
  it("repeats the same draws for the same seed, stream and index", () => {
    const a = DemoRandom.for(1, 1, 7);
    const b = DemoRandom.for(1, 1, 7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
    expect(deriveSeed(1, 1, 7)).not.toBe(deriveSeed(1, 1, 8));
    expect(deriveSeed(1, 1, 7)).not.toBe(deriveSeed(1, 2, 7));
    expect(deriveSeed(1, 1, 7)).not.toBe(deriveSeed(2, 1, 7));
  });

  // Means within a few standard errors of the distributions' means (n = 20,000).
  it.each([
    ["gamma(2.5, 2): mean 5", (r: DemoRandom) => r.gamma(2.5, 2), 5, 0.1],
    ["gamma(0.5, 4): mean 2 (the shape < 1 branch)", (r: DemoRandom) => r.gamma(0.5, 4), 2, 0.1],
    ["beta(0.4, 0.8): mean 1/3", (r: DemoRandom) => r.beta(0.4, 0.8), 1 / 3, 0.015],
    ["exponential(30): mean 30", (r: DemoRandom) => r.exponential(30), 30, 1],
    ["normal(10, 2): mean 10", (r: DemoRandom) => r.normal(10, 2), 10, 0.05],
  ] as const)("draws %s", (_, f, expected, tolerance) => {
    expect(Math.abs(mean(draw(20_000, f)) - expected)).toBeLessThan(tolerance);
  });

  it("keeps int within its bounds, both included, and picks by weight", () => {
    const ints = draw(5_000, (r) => r.int(1, 3));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3]));
    const random = new DemoRandom(3);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        { value: "a", weight: 3 },
        { value: "b", weight: 1 },
      ]),
    );
    expect(picks.filter((p) => p === "a").length / picks.length).toBeCloseTo(0.75, 1);
  });

  it("samples distinct items", () => {
    const random = new DemoRandom(5);
    for (let i = 0; i < 100; i++) {
      const sample = random.sample([1, 2, 3, 4, 5], 3);
      expect(new Set(sample).size).toBe(3);
    }
    expect(random.sample([1, 2], 5)).toHaveLength(2);
  });
});
