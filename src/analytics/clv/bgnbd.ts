/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, Marketing Science 24(2),
 * 275–284): while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α), and
 * after each purchase drops out with probability p ~ Beta(a, b). Fit by maximum likelihood;
 * predict expected purchases and the probability of being alive. All times are in the unit of
 * the histories (weeks, days), and so is α: the mean purchase rate is r/α per unit.
 */
import { InsufficientDataError } from "../errors.js";
import { bgnbdNegLogLikelihood, type BgNbdParams } from "./bgnbdLikelihood.js";
import {
  coarsenHistories,
  compressHistories,
  type CompressedHistories,
  validateHistory,
  type PurchaseHistory,
  type WeightedHistory,
} from "./histories.js";
import { invertSpd, minimize } from "./optimize.js";
import { hypergeometricSum } from "./special.js";

export type { BgNbdParams } from "./bgnbdLikelihood.js";

const COARSE_ABOVE = 4096;
const COARSE_CELLS = 32;

/** A fitted BG/NBD model with its convergence report. */
export interface BgNbdFit {
  readonly params: BgNbdParams;
  /** The maximised sample log-likelihood, eq. (7), on the time scale of the input. */
  readonly logLikelihood: number;
  /** Asymptotic standard errors from the observed information; null if it is singular. */
  readonly standardErrors: BgNbdParams | null;
  /** Customers (total weight), customers with x > 0, and distinct (x, t_x, T) triples. */
  readonly customers: number;
  readonly repeatCustomers: number;
  readonly uniqueHistories: number;
  readonly converged: boolean;
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
}

/** Options of `fitBgNbd`. */
export interface BgNbdFitOptions {
  /** Refuse to fit with fewer customers having x > 0 (default 10). */
  readonly minRepeatCustomers?: number;
  /** Starting point (default r = 1, α = 1/(observed purchase rate), a = 1, b = 2). */
  readonly start?: BgNbdParams;
}

/**
 * Fits the BG/NBD model by maximum likelihood over log-parameters: Nelder–Mead (on a coarsened
 * copy of big inputs), then Newton steps with the analytic gradient (BFGS when Newton cannot
 * proceed); see `minimize`. Identical histories are merged first, so the cost grows with the
 * number of distinct (x, t_x, T) triples, not with the number of customers.
 * Throws `InsufficientDataError` when too few customers bought more than once: with no repeat
 * buying the dropout process is not identified.
 */
export function fitBgNbd(
  histories: readonly WeightedHistory[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  return fitBgNbdCompressed(compressHistories(histories), options);
}

/** `fitBgNbd` on histories already compressed (a caller that needs their slots too). */
export function fitBgNbdCompressed(
  data: CompressedHistories,
  options: BgNbdFitOptions = {},
): BgNbdFit {
  const minRepeat = options.minRepeatCustomers ?? 10;
  if (data.repeatCustomers < minRepeat) {
    throw new InsufficientDataError(
      "BG/NBD needs customers with repeat purchases",
      minRepeat,
      data.repeatCustomers,
    );
  }
  let totalX = 0;
  let totalT = 0;
  for (let i = 0; i < data.size; i++) {
    totalX += data.weight[i]! * data.x[i]!;
    totalT += data.weight[i]! * data.T[i]!;
  }
  const start = options.start ?? { r: 1, alpha: totalT / totalX, a: 1, b: 2 };
  const f = bgnbdNegLogLikelihood(data);
  const theta0 = [start.r, start.alpha, start.a, start.b].map(Math.log);
  // On big inputs the derivative-free start runs on a coarsened copy (at most a few thousand
  // triples); BFGS and Newton then converge on the exact likelihood.
  const coarse = data.size > COARSE_ABOVE ? coarsenHistories(data, COARSE_CELLS) : data;
  let result = minimize(f, theta0, {
    gradientTolerance: 1e-10,
    coarseObjective: coarse === data ? undefined : bgnbdNegLogLikelihood(coarse),
  });
  // The coarse start can lead the polish astray (a and b running off to infinity); then start
  // again from the same point on the exact likelihood, which costs more but converges.
  if (!result.converged && coarse !== data)
    result = minimize(f, theta0, { gradientTolerance: 1e-10 });
  const [r, alpha, a, b] = result.x.map(Math.exp) as [number, number, number, number];
  const params = { r, alpha, a, b };
  const covariance = result.hessian && invertSpd(result.hessian);
  const standardErrors = covariance
    ? {
        // delta method from the log scale: se(p) = p · se(ln p)
        r: r * Math.sqrt(covariance[0]![0]!),
        alpha: alpha * Math.sqrt(covariance[1]![1]!),
        a: a * Math.sqrt(covariance[2]![2]!),
        b: b * Math.sqrt(covariance[3]![3]!),
      }
    : null;
  return {
    params,
    logLikelihood: -result.value,
    standardErrors,
    customers: data.customers,
    repeatCustomers: data.repeatCustomers,
    uniqueHistories: data.size,
    converged: result.converged,
    gradientNorm: result.gradientNorm,
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}

/** The sample log-likelihood, eq. (7), of `histories` under `params`. */
export function bgnbdLogLikelihood(
  params: BgNbdParams,
  histories: readonly WeightedHistory[],
): number {
  const theta = [params.r, params.alpha, params.a, params.b].map(Math.log);
  return -bgnbdNegLogLikelihood(compressHistories(histories))(theta);
}

/**
 * P(alive at T | x, t_x, T) (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD
 * model", note 021): 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * A customer who never bought again is alive for sure (dropout only happens right after a
 * purchase); one whose last purchase is at T is alive with probability (b+x−1)/(a+b+x−1).
 */
export function probabilityAlive(params: BgNbdParams, h: PurchaseHistory): number {
  validateHistory(h);
  if (h.x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds =
    Math.log(a / (b + h.x - 1)) + (r + h.x) * Math.log1p((h.T - h.tx) / (alpha + h.tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] of a customer just acquired, eq. (9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]. It is eq. (10) for a history
 * with x = t_x = T = 0, which is how it is computed (see `conditionalExpectedPurchases`).
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T+t] of a customer with history (x, t_x, T),
 * eq. (10):
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t/(α+T+t).
 *
 * As written it overflows for heavy buyers and is 0/0 at a = 1. With Euler's transformation
 * (A&S 15.3.3) the bracket is 1 − (1−z)^(a−1) ₂F₁(A, a−1; C; z), A = a+b−1−r, C = a+b+x−1,
 * and since ₂F₁(A, a−1; C; z) = 1 + (a−1)/C · U with U = Σ_{n≥1} (A)ₙ (a)ₙ₋₁ zⁿ / ((C+1)ₙ₋₁ n!),
 *
 *   eq. (10) = [C · (1 − (1−z)^(a−1))/(a−1) − (1−z)^(a−1) · U] · P(alive),
 *
 * whose series parameters do not grow with x and which is regular at a = 1 (the first term's
 * limit is −C ln(1−z)). This is the literature's a ≤ 1 guard made exact: the expression is
 * analytic in a > 0, so no case split is needed.
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  h: PurchaseHistory,
  t: number,
): number {
  if (!(t >= 0)) throw new RangeError(`prediction horizon must be ≥ 0, got ${t}`);
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const A = a + b - 1 - r;
  const C = a + b + h.x - 1;
  const z = t / (alpha + h.T + t);
  const L = -Math.log1p(t / (alpha + h.T)); // ln(1 − z), accurate for small t
  const u = (a - 1) * L;
  const power = Math.exp(u); // (1 − z)^(a−1)
  const U = hypergeometricSum(A, a - 1, C, z, 1, A * z);
  const series = U.sign === 0 ? 0 : U.sign * Math.exp(U.logAbs);
  const first = -C * L * expm1Ratio(u); // C · (1 − (1−z)^(a−1)) / (a−1)
  return (first - power * series) * probabilityAlive(params, h);
}

/** Scratch space of `conditionalExpectedPurchasesAt`, reused: it runs once per history. */
const workspace = (k: number) => ({
  z: new Float64Array(k),
  power: new Float64Array(k),
  sum: new Float64Array(k),
});
let scratch = workspace(16);

/** Stop the shared series once every horizon's remainder is below this share of its sum. */
const SERIES_EPS = 1e-17;
const SERIES_MAX_TERMS = 1_000_000;

/**
 * E[Y(t) | x, t_x, T] at several horizons at once, equal to `conditionalExpectedPurchases` at
 * each. The coefficients of the series U do not depend on t, only the powers of z do, so one
 * pass over the coefficients serves every horizon: what a CLV's monthly steps need, at a
 * fraction of the cost of one series per month. Falls back to one series per horizon when the
 * coefficients leave the range of a double.
 */
export function conditionalExpectedPurchasesAt(
  params: BgNbdParams,
  h: PurchaseHistory,
  horizons: readonly number[],
  out = new Float64Array(horizons.length),
): Float64Array {
  const k = horizons.length;
  const { r, alpha, a, b } = params;
  const A = a + b - 1 - r;
  const B = a - 1;
  const C = a + b + h.x - 1;
  if (scratch.z.length < k) scratch = workspace(k);
  const { z, power, sum } = scratch; // power holds zⁿ
  for (let i = 0; i < k; i++) {
    sum[i] = 0;
    const t = horizons[i]!;
    if (!(t >= 0)) throw new RangeError(`prediction horizon must be ≥ 0, got ${t}`);
    z[i] = t / (alpha + h.T + t);
    power[i] = z[i]!;
  }
  // The rigorous stopping bound of `hypergeometricSum`, per horizon.
  const P = Math.max(Math.abs(A) + Math.abs(B) - C - 1, 0);
  const Q = Math.max(Math.abs(A) * Math.abs(B) - C, 0);
  const m = Math.min(1, 1 + C);
  const perHorizon = () => {
    horizons.forEach((t, i) => (out[i] = conditionalExpectedPurchases(params, h, t)));
    return out;
  };
  if (!(C > -1)) return perHorizon();
  let coefficient = A; // U = Σ_{n≥1} uₙ zⁿ, u₁ = A, uₙ₊₁ = uₙ (A+n)(B+n) / ((C+n)(n+1))
  for (let n = 1; ; n++) {
    if (n > SERIES_MAX_TERMS || !(Math.abs(coefficient) < 1e280)) {
      return perHorizon();
    }
    const growth = 1 + (P * n + Q) / (m * n * n);
    let done = true;
    for (let i = 0; i < k; i++) {
      const term = coefficient * power[i]!;
      sum[i]! += term;
      power[i]! *= z[i]!;
      const rho = z[i]! * growth;
      if (
        done &&
        !(rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= SERIES_EPS * Math.abs(sum[i]!))
      )
        done = false;
    }
    if (done || coefficient === 0) break;
    coefficient *= ((A + n) * (B + n)) / ((C + n) * (n + 1));
  }
  const alive = probabilityAlive(params, h);
  for (let i = 0; i < k; i++) {
    const t = horizons[i]!;
    out[i] = 0;
    if (t === 0) continue;
    const L = -Math.log1p(t / (alpha + h.T));
    const u = (a - 1) * L;
    out[i] = (-C * L * expm1Ratio(u) - Math.exp(u) * sum[i]!) * alive;
  }
  return out;
}

/** (e^u − 1)/u, with its Taylor series near 0 where the quotient loses digits. */
function expm1Ratio(u: number): number {
  if (Math.abs(u) < 1e-5) return 1 + u / 2 + (u * u) / 6;
  return Math.expm1(u) / u;
}
