/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model
 * of Monetary Value", note 025; also Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4)).
 * A customer's transaction values are Gamma(p, ν) with mean p/ν, and ν ~ Gamma(q, γ) across
 * customers (γ a rate). It is fitted on the customers with at least one repeat purchase, from
 * the number x and mean value z̄ of their repeat transactions. Money is in whatever unit z̄ is
 * given in (dollars, cents): γ is in that unit.
 */
import { AnalyticsInputError, InsufficientDataError } from "../errors.js";
import { minimize } from "./optimize.js";
import { digamma, lgamma } from "./special.js";

/** Gamma-Gamma parameters: p (shape of spend), q and γ (shape and rate of ν). */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** A customer's repeat transactions: how many (x) and their mean value (z̄). */
export interface SpendHistory {
  readonly x: number;
  readonly meanValue: number;
  readonly weight?: number;
}

/** A fitted Gamma-Gamma model with its convergence report. */
export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  /** Σ ln f(z̄ | p, q, γ; x) over the customers fitted, on the money scale of the input. */
  readonly logLikelihood: number;
  /** Customers used (x > 0 and z̄ > 0) and customers left out. */
  readonly customers: number;
  readonly excluded: number;
  readonly converged: boolean;
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
}

/**
 * Fits p, q, γ by maximum likelihood on the customers with x > 0. Customers with x = 0 carry
 * no spend information and are skipped, as are those with z̄ ≤ 0 (free or refunded orders:
 * the model is for positive amounts). Throws `InsufficientDataError` below
 * `minCustomers` (default 10) usable customers.
 */
export function fitGammaGamma(
  histories: readonly SpendHistory[],
  options: { readonly minCustomers?: number } = {},
): GammaGammaFit {
  const data: SpendPoint[] = [];
  let excluded = 0;
  let customers = 0;
  for (const [i, h] of histories.entries()) {
    if (!Number.isInteger(h.x) || h.x < 0 || !Number.isFinite(h.meanValue)) {
      throw new AnalyticsInputError("x", `spend history ${i}: x=${h.x}, mean=${h.meanValue}`);
    }
    const w = h.weight ?? 1;
    if (h.x === 0 || h.meanValue <= 0) {
      excluded += w;
      continue;
    }
    customers += w;
    data.push({ x: h.x, z: h.meanValue, w });
  }
  const minCustomers = options.minCustomers ?? 10;
  if (customers < minCustomers) {
    throw new InsufficientDataError(
      "Gamma-Gamma needs customers with repeat purchases of positive value",
      minCustomers,
      customers,
    );
  }
  const f = negLogLikelihood(data);
  let meanZ = 0;
  for (const d of data) meanZ += (d.w * d.z) / customers;
  // Start where the population mean pγ/(q−1) equals the observed mean; on big inputs the
  // derivative-free search runs on a coarsened copy, and Newton converges on the exact one.
  const result = minimize(f, [0, Math.log(2), Math.log(meanZ)], {
    gradientTolerance: 1e-10,
    coarseObjective: data.length > COARSE_ABOVE ? negLogLikelihood(coarsen(data)) : undefined,
  });
  const [p, q, gamma] = result.x.map(Math.exp) as [number, number, number];
  return {
    params: { p, q, gamma },
    logLikelihood: -result.value,
    customers,
    excluded,
    converged: result.converged,
    gradientNorm: result.gradientNorm,
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}

/**
 * ln f(z̄ | p, q, γ; x), the marginal density of a customer's mean spend (note 025):
 * f = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · z̄^(px−1) · x^(px) / (γ + x z̄)^(px+q).
 */
export function gammaGammaLogDensity(
  params: GammaGammaParams,
  x: number,
  meanValue: number,
): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(meanValue) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * meanValue)
  );
}

interface SpendPoint {
  readonly x: number;
  readonly z: number;
  readonly w: number;
}

const COARSE_ABOVE = 4096;
/** Cells per unit of ln z̄ in the coarsened copy (mean values within ~3 % share a cell). */
const COARSE_CELLS_PER_LOG = 32;

/** The same customers with ln z̄ rounded to a grid: a few thousand points, for a fit's start. */
function coarsen(data: readonly SpendPoint[]): SpendPoint[] {
  const cells = new Map<number, { x: number; z: number; w: number }>();
  for (const { x, z, w } of data) {
    const cell = Math.round(Math.log(z) * COARSE_CELLS_PER_LOG);
    const key = x * 1_000_003 + cell + 500_000; // ln z̄ within ±15,000: far beyond any money
    const point = cells.get(key);
    if (point) point.w += w;
    else cells.set(key, { x, z: Math.exp(cell / COARSE_CELLS_PER_LOG), w });
  }
  return [...cells.values()];
}

/**
 * The negative log-likelihood and its gradient on log-parameters. Terms that depend on x alone
 * (log-gammas, digammas) are computed once per distinct x and terms in z̄ alone are summed up
 * front, so an evaluation costs one logarithm per customer: fitting stays fast on millions.
 */
function negLogLikelihood(data: readonly SpendPoint[]) {
  const groups = new Map<
    number,
    { x: number; lnX: number; w: number; wLnZ: number; z: number[]; zw: number[] }
  >();
  for (const { x, z, w } of data) {
    let g = groups.get(x);
    if (!g) groups.set(x, (g = { x, lnX: Math.log(x), w: 0, wLnZ: 0, z: [], zw: [] }));
    g.w += w;
    g.wLnZ += w * Math.log(z);
    g.z.push(z);
    g.zw.push(w);
  }
  const list = [...groups.values()];
  return (theta: readonly number[], gradient?: number[]): number => {
    const [p, q, gamma] = theta.map(Math.exp) as [number, number, number];
    const lgQ = lgamma(q);
    const psiQ = gradient ? digamma(q) : 0;
    const lnGamma = Math.log(gamma);
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (const g of list) {
      const px = p * g.x;
      // Σ w ln(γ + x z̄) and Σ w / (γ + x z̄) over the customers with this x.
      let wLnS = 0;
      let wInvS = 0;
      for (let i = 0; i < g.z.length; i++) {
        const s = gamma + g.x * g.z[i]!;
        wLnS += g.zw[i]! * Math.log(s);
        if (gradient) wInvS += g.zw[i]! / s;
      }
      ll +=
        g.w * (lgamma(px + q) - lgamma(px) - lgQ + q * lnGamma + px * g.lnX) + (px - 1) * g.wLnZ;
      ll -= (px + q) * wLnS;
      if (gradient) {
        const psiPQ = digamma(px + q);
        gp += g.x * (g.w * (psiPQ - digamma(px) + g.lnX) + g.wLnZ - wLnS);
        gq += g.w * (psiPQ - psiQ + lnGamma) - wLnS;
        gg += (g.w * q) / gamma - (px + q) * wInvS;
      }
    }
    if (gradient) {
      gradient[0] = -gp * p;
      gradient[1] = -gq * q;
      gradient[2] = -gg * gamma;
    }
    return -ll;
  };
}

/**
 * E[Z] = pγ/(q−1), the population mean spend per transaction; null when q ≤ 1, where the
 * mixing distribution's mean is infinite.
 */
export function populationMeanValue(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : null;
}

/**
 * E[Z | x, z̄], the expected value of a customer's future transactions (note 025; FHL 2005
 * JMR):
 *
 *   p(γ + x z̄)/(px + q − 1) = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄,
 *
 * a weighted average of the population mean and the customer's own mean. With x = 0 it is the
 * population mean. Null when px + q ≤ 1 (then the posterior mean of 1/ν does not exist).
 */
export function conditionalExpectedValue(
  params: GammaGammaParams,
  x: number,
  meanValue: number,
): number | null {
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return null;
  return (p * (gamma + x * (x > 0 ? meanValue : 0))) / denominator;
}
