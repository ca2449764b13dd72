import { describe, expect, it } from "vitest";
import { digamma, hypergeometricSum, lgamma, lgammaDelta, logHyp2f1 } from "./special.js";

/** |actual − expected| ≤ tol · max(1, |expected|). */
function expectClose(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

/** Relative error, for values that may be tiny. */
function expectRelative(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

// [x, ln Γ(x), ψ(x)]: mpmath at 40 significant digits, evaluated at the exact binary value of
// each x (1.0001 is not exactly representable, and near the zero of ln Γ that matters)
const REFERENCE: [number, number, number][] = [
  [1e-10, 23.025850929882735237, -10000000000.5772153],
  [0.001, 6.9071788853838536617, -1000.5755719318102797],
  [0.1, 2.252712651734205902, -10.423754940411076232],
  [0.2426, 1.3197854750907921933, -4.358361853222514235],
  [0.5, 0.57236494292470008707, -1.9635100260214234794],
  [0.9, 0.066376239734742954426, -0.7549269499470513492],
  [1.0001, -0.000057713342220471268005, -0.57705118351433486812],
  [1.5, -0.12078223763524522235, 0.036489973978576520559],
  [1.9999, -0.000042275208772153458011, 0.42271983967113096533],
  [2.5, 0.28468287047291915963, 0.70315664064524318723],
  [3.7, 1.4280723266653881292, 1.1671535393615114409],
  [7.3, 7.1478925230222486921, 1.9178203356379860723],
  [33.3, 82.603723581654943008, 3.4904672385202427773],
  [100.5, 361.43554046777762156, 4.6051743525818452119],
  [1234.56, 7550.9779835104514552, 7.1180648530095966746],
  [1e6, 12815504.56914761166, 13.815510057964190771],
  [-0.5, 1.2655121234846453965, 0.036489973978576520559],
  [-2.5, -0.056243716497674050673, 1.1031566406452431872],
];

describe("lgamma", () => {
  it.each(REFERENCE)("ln Γ(%d) matches the 40-digit reference", (x, expected) => {
    expectClose(lgamma(x), expected, 1e-15);
  });

  it.each(REFERENCE.filter(([x]) => Math.abs(x - 1) < 0.01 || Math.abs(x - 2) < 0.01))(
    "keeps relative accuracy next to the zeros at 1 and 2 (x = %d)",
    (x, expected) => expectRelative(lgamma(x), expected, 1e-13),
  );

  it("is exactly 0 at 1 and 2 and +∞ at the poles", () => {
    expect(lgamma(1)).toBe(0);
    expect(lgamma(2)).toBe(0);
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
  });

  it("equals ln((n−1)!) computed exactly with big integers", () => {
    let factorial = 1n;
    for (let n = 1; n <= 170; n++) {
      if (n > 1) factorial *= BigInt(n - 1);
      expectClose(lgamma(n), Math.log(Number(factorial)), 2e-15);
    }
  });

  it("equals ln(√π (2n)! / (4ⁿ n!)) at half-integers", () => {
    let ratio = Math.sqrt(Math.PI); // Γ(n + ½) = Γ(n − ½)·(n − ½)
    for (let n = 1; n <= 60; n++) {
      ratio *= n - 0.5;
      expectClose(lgamma(n + 0.5), Math.log(ratio), 2e-15);
    }
  });

  it("satisfies ln Γ(x+1) − ln Γ(x) = ln x", () => {
    for (const x of [0.013, 0.27, 0.61, 1.3, 2.2, 4.9, 17.5, 250.25, 9999.5]) {
      // the difference of two values of size |ln Γ| carries their rounding errors
      const scale = Math.max(1, Math.abs(lgamma(x)), Math.abs(lgamma(x + 1)));
      expect(Math.abs(lgamma(x + 1) - lgamma(x) - Math.log(x))).toBeLessThan(1e-15 * scale);
    }
  });
});

describe("lgammaDelta", () => {
  it("matches the plain difference where that is accurate", () => {
    for (const [y, d] of [
      [0.3, 2],
      [5, 7.5],
      [150, 3],
      [120, 0.25],
      [99.5, 1],
    ]) {
      expectClose(lgammaDelta(y!, d!), lgamma(y! + d!) - lgamma(y!), 1e-13);
    }
  });

  it("equals Σ ln(y+k) for integer steps even when y is huge", () => {
    // ln Γ(y+3) − ln Γ(y) = ln y + ln(y+1) + ln(y+2); the plain difference of two numbers near
    // 4.5e21 would be off by about 1e6 here
    for (const y of [1e8, 1e15, 1e20, 3.4e25]) {
      const exact = Math.log(y) + Math.log(y + 1) + Math.log(y + 2);
      expectClose(lgammaDelta(y, 3), exact, 1e-15);
    }
  });
});

describe("digamma", () => {
  it.each(REFERENCE)("ψ(%d) matches the 40-digit reference", (x, _lgamma, expected) => {
    expectClose(digamma(x), expected, 5e-15);
  });

  it("has ψ(1) = −γ and ψ(½) = −γ − 2 ln 2", () => {
    const eulerGamma = 0.5772156649015329;
    expectClose(digamma(1), -eulerGamma, 2e-15);
    expectClose(digamma(0.5), -eulerGamma - 2 * Math.LN2, 2e-15);
  });

  it("satisfies ψ(x+1) = ψ(x) + 1/x", () => {
    for (const x of [0.05, 0.7, 3.3, 12.1, 80]) {
      expectClose(digamma(x + 1) - digamma(x), 1 / x, 1e-14);
    }
  });
});

describe("logHyp2f1", () => {
  it("matches elementary closed forms", () => {
    for (const z of [0.01, 0.3, 0.7, 0.95, 0.999]) {
      // ₂F₁(1, 1; 2; z) = −ln(1−z)/z
      expectClose(logHyp2f1(1, 1, 2, z), Math.log(-Math.log1p(-z) / z), 1e-14);
      // ₂F₁(a, b; b; z) = (1−z)^(−a)
      expectClose(logHyp2f1(2.7, 1.3, 1.3, z), -2.7 * Math.log1p(-z), 1e-14);
      // ₂F₁(½, ½; 3/2; s²) = arcsin(s)/s
      const s = Math.sqrt(z);
      expectClose(logHyp2f1(0.5, 0.5, 1.5, z), Math.log(Math.asin(s) / s), 1e-14);
    }
  });

  it("matches Euler's integral, summed numerically, in a smooth case", () => {
    // ₂F₁(a, 1; 3; z) = Γ(3)/(Γ(1)Γ(2)) ∫₀¹ (1−t)(1−zt)^(−a) dt, Simpson's rule on 20 000 panels
    const [a, z, n] = [2.5, 0.8, 20_000];
    let sum = 0;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const weight = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
      sum += weight * (1 - t) * (1 - z * t) ** -a;
    }
    const integral = (2 * sum) / (3 * n);
    expectClose(logHyp2f1(a, 1, 3, z), Math.log(integral), 1e-13);
  });

  it.each([
    // [a, b, c, z, ln ₂F₁] from mpmath at 40 digits
    [0.3, 0.4, 0.5, 0.999, 1.5359229649076508747],
    [5.25, 3.5, 2.75, 0.95, 18.455777587905737495],
    // a heavy buyer's BG/NBD argument: r+x, b+x, a+b+x−1 with x = 1000; ₂F₁ ≈ e^4607
    [0.243 + 1000, 2.426 + 1000, 0.793 + 2.426 + 999, 0.99, 4607.2421079732525641],
  ])("ln ₂F₁(%d, %d; %d; %d) matches the high-precision reference", (a, b, c, z, expected) => {
    expectClose(logHyp2f1(a, b, c, z), expected, 1e-14);
  });

  it("is 0 at z = 0 and rejects z ≥ 1", () => {
    expect(logHyp2f1(3, 4, 5, 0)).toBe(0);
    expect(() => logHyp2f1(3, 4, 5, 1)).toThrow(RangeError);
  });
});

describe("hypergeometricSum", () => {
  it("sums a terminating series exactly", () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const [b, c, z] = [1.7, 2.3, 0.6];
    const expected = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    const sum = hypergeometricSum(-2, b, c, z);
    expect(sum.sign).toBe(1);
    expectClose(Math.exp(sum.logAbs), expected, 1e-15);
  });
});
