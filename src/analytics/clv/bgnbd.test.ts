import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnalyticsInputError, InsufficientDataError } from "../errors.js";
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesAt,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from "./bgnbd.js";
import { bgnbdNegLogLikelihood } from "./bgnbdLikelihood.js";
import { compressHistories, type PurchaseHistory } from "./histories.js";
import { simulateBgNbd } from "./simulate.js";
import { logHyp2f1 } from "./special.js";

const CDNOW = path.resolve(process.cwd(), "../shared/data/cdnow");

/** The CDNOW calibration summary (2,357 customers, weeks), columns ID,frequency,recency,T. */
function cdnowHistories(): PurchaseHistory[] {
  const lines = readFileSync(path.join(CDNOW, "cdnow_customers_summary.csv"), "utf8").trim();
  return lines
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(",").map(Number);
      return { x: x!, tx: tx!, T: T! };
    });
}

function expectRelative(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** The estimates published in Fader, Hardie & Lee (2005), Marketing Science, section 4. */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("fitBgNbd on CDNOW", () => {
  const fit = fitBgNbd(cdnowHistories());

  it.each([
    ["r", 0.243],
    ["alpha", 4.414],
    ["a", 0.793],
    ["b", 2.426],
  ] as const)("reproduces the published %s = %d within 1 %", (name, value) => {
    expectRelative(fit.params[name], value, 0.01);
  });

  it("reaches the published log-likelihood −9582.4 and reports convergence", () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.converged).toBe(true);
    expect(fit.gradientNorm).toBeLessThan(1e-5);
    expect(fit.customers).toBe(2357);
    expect(fit.repeatCustomers).toBe(946); // README: 946 customers have x > 0
    expect(fit.uniqueHistories).toBeLessThan(2357);
  });

  it("finds a maximum: the published (rounded) estimates are no better", () => {
    // −9582.42683118 at the published values, computed independently with mpmath (eq. 6)
    const atPublished = bgnbdLogLikelihood(PUBLISHED, cdnowHistories());
    expect(atPublished).toBeCloseTo(-9582.42683118, 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished);
  });

  it.each([
    { r: 10, alpha: 0.1, a: 5, b: 0.1 },
    { r: 0.01, alpha: 100, a: 0.05, b: 50 },
  ])("reaches the same maximum from the distant start %o", (start) => {
    const other = fitBgNbd(cdnowHistories(), { start });
    expect(other.converged).toBe(true);
    expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expectRelative(other.params.b, fit.params.b, 1e-5);
  });

  it("reports plausible standard errors", () => {
    expect(fit.standardErrors).not.toBeNull();
    // r is tightly estimated on CDNOW, a and b much less so
    expect(fit.standardErrors!.r).toBeGreaterThan(0.005);
    expect(fit.standardErrors!.r).toBeLessThan(0.03);
    expect(fit.standardErrors!.b).toBeGreaterThan(fit.standardErrors!.r);
  });
});

describe("fitBgNbd", () => {
  it("recovers the parameters of simulated customers", () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 3 };
    const histories = simulateBgNbd(truth, { customers: 30_000, minT: 20, maxT: 52, seed: 7 });
    const { params, converged } = fitBgNbd(histories);
    expect(converged).toBe(true);
    expectRelative(params.r, truth.r, 0.1);
    expectRelative(params.alpha, truth.alpha, 0.1);
    expectRelative(params.a, truth.a, 0.25);
    expectRelative(params.b, truth.b, 0.25);
  });

  it("gives the same answer for weighted and expanded histories", () => {
    const expanded: PurchaseHistory[] = [];
    const weighted = cdnowHistories()
      .slice(0, 400)
      .map((h, i) => {
        const weight = 1 + (i % 3);
        for (let k = 0; k < weight; k++) expanded.push(h);
        return { ...h, weight };
      });
    const a = fitBgNbd(weighted);
    const b = fitBgNbd(expanded);
    expectRelative(a.logLikelihood, b.logLikelihood, 1e-12);
    expectRelative(a.params.r, b.params.r, 1e-6);
  });

  it("refuses to fit when too few customers bought again", () => {
    const histories = [
      ...Array.from({ length: 500 }, () => ({ x: 0, tx: 0, T: 30 })),
      ...Array.from({ length: 9 }, () => ({ x: 1, tx: 5, T: 30 })),
    ];
    expect(() => fitBgNbd(histories)).toThrow(InsufficientDataError);
    expect(() => fitBgNbd(histories, { minRepeatCustomers: 5 })).not.toThrow();
  });

  it.each([
    [{ x: -1, tx: 0, T: 5 }, "x"],
    [{ x: 1.5, tx: 1, T: 5 }, "x"],
    [{ x: 2, tx: 6, T: 5 }, "tx"],
    [{ x: 0, tx: 1, T: 5 }, "tx"],
    [{ x: 1, tx: 1, T: Number.NaN }, "T"],
  ])("rejects the inconsistent history %o", (history, field) => {
    expect(() => fitBgNbd([history])).toThrow(AnalyticsInputError);
    try {
      fitBgNbd([history]);
    } catch (error) {
      expect((error as AnalyticsInputError).field).toBe(field);
    }
  });
});

describe("bgnbdNegLogLikelihood", () => {
  it("has an analytic gradient that matches central differences", () => {
    const data = compressHistories(cdnowHistories());
    const f = bgnbdNegLogLikelihood(data);
    const theta = [Math.log(0.4), Math.log(3), Math.log(1.2), Math.log(1.7)];
    const gradient = [0, 0, 0, 0];
    f(theta, gradient);
    for (let i = 0; i < 4; i++) {
      const h = 1e-5;
      const up = theta.map((v, k) => (k === i ? v + h : v));
      const down = theta.map((v, k) => (k === i ? v - h : v));
      const numeric = (f(up) - f(down)) / (2 * h);
      expect(Math.abs(gradient[i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });
});

// Expected purchases: references from mpmath at 40 digits, each computed two independent ways
// that agreed to 20 digits: eq. (10) with mpmath's own ₂F₁, and a numerical integral over p of
// the posterior expectation E[(1 − (1 + pt/(α+T))^−(r+x))/p] (no hypergeometric function).
const CONDITIONAL: [BgNbdParams, PurchaseHistory, number, number][] = [
  [PUBLISHED, { x: 0, tx: 0, T: 0 }, 39, 1.1967231933208168667],
  [PUBLISHED, { x: 0, tx: 0, T: 0 }, 78, 1.860519057942768561],
  [PUBLISHED, { x: 2, tx: 30.43, T: 38.86 }, 39, 1.2260281747671444631],
  [PUBLISHED, { x: 0, tx: 0, T: 38.86 }, 39, 0.1950980520112626375],
  [PUBLISHED, { x: 200, tx: 38, T: 38.86 }, 39, 113.09852445576196571],
  [PUBLISHED, { x: 1, tx: 5, T: 30 }, 1e-6, 1.3695168217196324057e-8],
  [PUBLISHED, { x: 7, tx: 35, T: 38.86 }, 520, 23.368185284106048258],
  // a = 1, where eq. (10) as printed is 0/0
  [{ r: 0.5, alpha: 3, a: 1, b: 2 }, { x: 0, tx: 0, T: 0 }, 10, 1.027291915777826852],
  [{ r: 0.5, alpha: 3, a: 1, b: 2 }, { x: 3, tx: 8, T: 12 }, 10, 1.0895225590698233951],
  [{ r: 0.5, alpha: 3, a: 1, b: 2 }, { x: 0, tx: 0, T: 12 }, 10, 0.28932189174984486219],
  // a + b < 1: the ₂F₁ of eq. (9) has a negative c = a + b − 1
  [{ r: 0.5, alpha: 3, a: 0.3, b: 0.4 }, { x: 0, tx: 0, T: 0 }, 10, 1.0292214585722443825],
  [{ r: 0.5, alpha: 3, a: 0.3, b: 0.4 }, { x: 3, tx: 8, T: 12 }, 10, 1.5452186020085788953],
  [{ r: 0.5, alpha: 3, a: 0.3, b: 0.4 }, { x: 0, tx: 0, T: 12 }, 10, 0.28236836953009664834],
  [{ r: 2, alpha: 10, a: 3.5, b: 1.5 }, { x: 0, tx: 0, T: 0 }, 10, 0.95676759431465818632],
  [{ r: 2, alpha: 10, a: 3.5, b: 1.5 }, { x: 3, tx: 8, T: 12 }, 10, 0.37402092245957122428],
  [{ r: 2, alpha: 10, a: 3.5, b: 1.5 }, { x: 0, tx: 0, T: 12 }, 10, 0.61144008568830778449],
];

describe("conditionalExpectedPurchases (eq. 10)", () => {
  it.each(CONDITIONAL)("%o, history %o, t = %d → %d", (params, history, t, expected) => {
    expectRelative(conditionalExpectedPurchases(params, history, t), expected, 2e-14);
  });

  it("is 0 at t = 0 and grows from there at the posterior purchase rate", () => {
    expect(conditionalExpectedPurchases(PUBLISHED, { x: 2, tx: 30.43, T: 38.86 }, 0)).toBe(0);
    // as t → 0, E[Y(t)]/t → P(alive) · E[λ | data] = P(alive) · (r+x)/(α+T) for x = 0
    const h = { x: 0, tx: 0, T: 20 };
    const slope = conditionalExpectedPurchases(PUBLISHED, h, 1e-7) / 1e-7;
    expectRelative(slope, PUBLISHED.r / (PUBLISHED.alpha + h.T), 1e-6);
  });

  it("increases with the horizon and with the number of purchases", () => {
    let previous = 0;
    for (const t of [1, 5, 20, 52, 104, 520]) {
      const value = conditionalExpectedPurchases(PUBLISHED, { x: 3, tx: 30, T: 38 }, t);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
    const few = conditionalExpectedPurchases(PUBLISHED, { x: 2, tx: 38, T: 38 }, 10);
    const many = conditionalExpectedPurchases(PUBLISHED, { x: 8, tx: 38, T: 38 }, 10);
    expect(many).toBeGreaterThan(few);
  });
});

describe("conditionalExpectedPurchasesAt", () => {
  const horizons = [0, 0.5, 4.345, 13, 26, 52.14, 104, 520];
  const cases: [string, BgNbdParams][] = [
    ["CDNOW", { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }],
    ["a > 1", { r: 0.96, alpha: 3.16, a: 1.08, b: 11.5 }],
    ["a = 1", { r: 1.5, alpha: 10, a: 1, b: 3 }],
    ["a + b − 1 < r", { r: 4, alpha: 2, a: 0.5, b: 0.8 }],
  ];
  const histories: PurchaseHistory[] = [
    { x: 0, tx: 0, T: 0 },
    { x: 0, tx: 0, T: 0.1 },
    { x: 1, tx: 2, T: 30 },
    { x: 7, tx: 29, T: 39 },
    { x: 40, tx: 70, T: 78 },
    { x: 400, tx: 120, T: 120 },
  ];
  it.each(cases)("equals one series per horizon (%s)", (_, params) => {
    for (const h of histories) {
      const together = conditionalExpectedPurchasesAt(params, h, horizons);
      horizons.forEach((t, i) => {
        const alone = conditionalExpectedPurchases(params, h, t);
        expect(Math.abs(together[i]! - alone)).toBeLessThanOrEqual(1e-12 * Math.max(1, alone));
      });
    }
  });
  it("refuses a negative horizon", () => {
    expect(() => conditionalExpectedPurchasesAt(cases[0]![1], histories[2]!, [1, -1])).toThrow(
      RangeError,
    );
  });
});

describe("expectedPurchases (eq. 9)", () => {
  it("agrees with eq. (9) evaluated through logHyp2f1 where a > 1", () => {
    const { r, alpha, a, b } = { r: 2, alpha: 10, a: 3.5, b: 1.5 };
    for (const t of [0.5, 10, 100]) {
      const z = t / (alpha + t);
      const printed =
        ((a + b - 1) / (a - 1)) *
        (1 - Math.exp(r * Math.log(alpha / (alpha + t)) + logHyp2f1(r, b, a + b - 1, z)));
      expectRelative(expectedPurchases({ r, alpha, a, b }, t), printed, 1e-12);
    }
  });

  it("starts at the mean purchase rate r/α", () => {
    expectRelative(expectedPurchases(PUBLISHED, 1e-8) / 1e-8, PUBLISHED.r / PUBLISHED.alpha, 1e-6);
  });
});

describe("probabilityAlive", () => {
  it.each([
    // closed form; the first three also by a numerical posterior integral over λ and p (mpmath)
    [{ x: 2, tx: 30.43, T: 38.86 }, 0.72657857008067291192],
    [{ x: 1, tx: 1.71, T: 38.86 }, 0.21210098537737908236],
    [{ x: 5, tx: 10, T: 38.86 }, 0.024804366168778526685],
    [{ x: 200, tx: 38, T: 38.86 }, 0.82021089871907572285],
  ])("P(alive | %o) = %d", (history, expected) => {
    expectRelative(probabilityAlive(PUBLISHED, history), expected, 1e-13);
  });

  it("is 1 for a customer who never bought again (dropout only follows a purchase)", () => {
    expect(probabilityAlive(PUBLISHED, { x: 0, tx: 0, T: 38 })).toBe(1);
  });

  it("is (b+x−1)/(a+b+x−1) when the last purchase is at T", () => {
    // the λ-likelihoods of 'alive' and 'died at t_x' coincide; what is left is the Beta ratio
    // B(a, b+x) / (B(a, b+x) + B(a+1, b+x−1))
    for (const x of [1, 3, 10]) {
      const expected = (PUBLISHED.b + x - 1) / (PUBLISHED.a + PUBLISHED.b + x - 1);
      expectRelative(probabilityAlive(PUBLISHED, { x, tx: 20, T: 20 }), expected, 1e-14);
    }
  });

  it("falls as the time since the last purchase grows", () => {
    const values = [38, 30, 20, 10, 1].map((tx) =>
      probabilityAlive(PUBLISHED, { x: 3, tx, T: 38 }),
    );
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
  });
});

describe("fitting a large, varied base", () => {
  it("converges and recovers the parameters when the coarse start would lead astray", () => {
    // Customers of ages 1–260 weeks: more than 4,096 distinct histories, the case that used to
    // diverge (a and b running off to infinity) from the coarsened start.
    const truth = { r: 1, alpha: 2, a: 0.8, b: 4 };
    const fit = fitBgNbd(simulateBgNbd(truth, { customers: 5000, minT: 1, maxT: 260, seed: 11 }));
    expect(fit.uniqueHistories).toBeGreaterThan(4096);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeGreaterThan(0.85);
    expect(fit.params.r).toBeLessThan(1.2);
    expect(fit.params.alpha).toBeGreaterThan(1.7);
    expect(fit.params.alpha).toBeLessThan(2.4);
    expect(fit.params.a).toBeGreaterThan(0.5);
    expect(fit.params.a).toBeLessThan(1.3);
    expect(fit.params.b).toBeGreaterThan(2.5);
    expect(fit.params.b).toBeLessThan(6.5);
  });
});
