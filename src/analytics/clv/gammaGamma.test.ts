import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InsufficientDataError } from "../errors.js";
import {
  conditionalExpectedValue,
  fitGammaGamma,
  gammaGammaLogDensity,
  populationMeanValue,
  type GammaGammaParams,
  type SpendHistory,
} from "./gammaGamma.js";
import { lgamma } from "./special.js";

const CDNOW = path.resolve(process.cwd(), "../shared/data/cdnow");

/** `cdnow_customers_summary_with_transactions.csv`: ID,x,t_x,T,zbar (CRLF). */
function cdnowSpend(): SpendHistory[] {
  const text = readFileSync(
    path.join(CDNOW, "cdnow_customers_summary_with_transactions.csv"),
    "utf8",
  );
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x, , , zbar] = line.split(",").map(Number);
      return { x: x!, meanValue: zbar! };
    });
}

function expectRelative(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** Simpson's rule for ∫ f over [lo, hi] on n (even) panels. */
function simpson(f: (u: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/** The Gamma(shape, rate) density. */
function gammaDensity(v: number, shape: number, rate: number): number {
  return Math.exp(shape * Math.log(rate) + (shape - 1) * Math.log(v) - rate * v - lgamma(shape));
}

const PUBLISHED: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("fitGammaGamma on CDNOW", () => {
  const fit = fitGammaGamma(cdnowSpend());

  it.each([
    ["p", 6.25],
    ["q", 3.74],
    ["gamma", 15.44],
  ] as const)("reproduces the published %s = %d within 1 %", (name, value) => {
    expectRelative(fit.params[name], value, 0.01);
  });

  it("uses the 946 customers with repeat purchases and converges to a maximum", () => {
    expect(fit.customers).toBe(946);
    expect(fit.excluded).toBe(2357 - 946);
    expect(fit.converged).toBe(true);
    // −4055.92471273 at the published values, computed independently with mpmath
    const atPublished = cdnowSpend()
      .filter((h) => h.x > 0)
      .reduce((sum, h) => sum + gammaGammaLogDensity(PUBLISHED, h.x, h.meanValue), 0);
    expect(atPublished).toBeCloseTo(-4055.92471273, 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished);
  });

  it("refuses to fit on too few repeat buyers", () => {
    const few = [
      { x: 2, meanValue: 10 },
      { x: 0, meanValue: 0 },
    ];
    expect(() => fitGammaGamma(few)).toThrow(InsufficientDataError);
  });
});

describe("gammaGammaLogDensity", () => {
  it.each([1, 3])("integrates to 1 over z̄ (x = %d)", (x) => {
    // substitute z̄ = e^u so that both the peak and the power-law tail are resolved
    const mass = simpson(
      (u) => Math.exp(gammaGammaLogDensity(PUBLISHED, x, Math.exp(u)) + u),
      -30,
      30,
      60_000,
    );
    expect(mass).toBeCloseTo(1, 10);
  });

  it.each([
    [1, 10],
    [1, 40],
    [3, 20],
  ])("equals the compound-gamma integral over ν (x = %d, z̄ = %d)", (x, zbar) => {
    // z̄ | ν ~ Gamma(px, xν) (the mean of x Gamma(p, ν) draws), ν ~ Gamma(q, γ)
    const { p, q, gamma } = PUBLISHED;
    const compound = simpson(
      (u) => {
        const nu = Math.exp(u);
        return gammaDensity(zbar, p * x, x * nu) * gammaDensity(nu, q, gamma) * nu;
      },
      -20,
      10,
      30_000,
    );
    expectRelative(Math.exp(gammaGammaLogDensity(PUBLISHED, x, zbar)), compound, 1e-9);
  });
});

describe("conditionalExpectedValue", () => {
  it.each([
    // hand-computed from p(γ + x z̄)/(px + q − 1) with the published parameters
    [2, 22.35, (6.25 * (15.44 + 2 * 22.35)) / (12.5 + 2.74)], // = 24.6637…
    [1, 11.77, (6.25 * (15.44 + 11.77)) / (6.25 + 2.74)], // = 18.9163…
    [10, 50, (6.25 * (15.44 + 500)) / (62.5 + 2.74)], // = 49.3947…
  ])("x = %d, z̄ = %d → %d", (x, zbar, expected) => {
    expectRelative(conditionalExpectedValue(PUBLISHED, x, zbar)!, expected, 1e-15);
  });

  it("is the credibility-weighted average of the population mean and z̄", () => {
    const { p, q } = PUBLISHED;
    const population = populationMeanValue(PUBLISHED)!;
    expectRelative(population, (6.25 * 15.44) / 2.74, 1e-15);
    for (const [x, zbar] of [
      [1, 5],
      [4, 80],
      [30, 20],
    ]) {
      const w = (p * x!) / (p * x! + q - 1);
      const blended = (1 - w) * population + w * zbar!;
      expectRelative(conditionalExpectedValue(PUBLISHED, x!, zbar!)!, blended, 1e-14);
    }
  });

  it("is the population mean without repeat purchases, and undefined when q ≤ 1", () => {
    expect(conditionalExpectedValue(PUBLISHED, 0, 0)).toBe(populationMeanValue(PUBLISHED));
    const heavyTailed = { p: 2, q: 0.8, gamma: 10 };
    expect(populationMeanValue(heavyTailed)).toBeNull();
    expect(conditionalExpectedValue(heavyTailed, 0, 0)).toBeNull();
    expect(conditionalExpectedValue(heavyTailed, 1, 30)).toBeCloseTo((2 * 40) / 1.8, 12);
  });
});
