/**
 * The BG/NBD log-likelihood and its analytic gradient over compressed histories.
 *
 * Fader, Hardie & Lee (2005), "'Counting Your Customers' the Easy Way", Marketing Science
 * 24(2), eq. (6): for one customer
 *
 *   L(r, α, a, b | x, t_x, T) = A₁ · A₂ · (A₃ + δ_{x>0} A₄), where
 *   A₁ = Γ(r+x) α^r / Γ(r)
 *   A₂ = Γ(a+b) Γ(b+x) / (Γ(b) Γ(a+b+x))
 *   A₃ = (α+T)^−(r+x)
 *   A₄ = a / (b+x−1) · (α+t_x)^−(r+x)
 *
 * and the sample log-likelihood (eq. 7) is the weighted sum of ln L. Everything is done in logs:
 * ln(A₃ + A₄) = ln A₃ + ln(1 + e^d), d = ln A₄ − ln A₃, so (α+T)^(r+x) never overflows, which
 * is the spreadsheet "#NUM!" problem of heavy buyers (Fader & Hardie 2013, note 027).
 */
import type { CompressedHistories } from "./histories.js";
import { digamma, lgammaDelta } from "./special.js";

/** The four BG/NBD parameters: λ ~ Gamma(r, α) (α a rate), p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * Builds f(θ) = −ln L at θ = (ln r, ln α, ln a, ln b), writing ∂f/∂θ into `gradient` when
 * asked. Terms that depend on x alone, on T alone or on t_x alone are computed once per distinct
 * value; the per-history loop is a few multiplications, one exp and one log.
 *
 * Written so that no term cancels catastrophically where an optimiser may wander (r, α → ∞ when
 * purchase rates are homogeneous, b → ∞ when nobody drops out):
 *   ln A₁ + ln A₃ = [ln Γ(r+x) − ln Γ(r)] − r·ln(1 + T/α) − x·ln(α+T),
 *   ln A₂ = [ln Γ(b+x) − ln Γ(b)] − [ln Γ(a+b+x) − ln Γ(a+b)], each bracket by `lgammaDelta`.
 */
export function bgnbdNegLogLikelihood(data: CompressedHistories) {
  const nx = data.distinctX.length;
  const constX = new Float64Array(nx);
  const lnA4X = new Float64Array(nx);
  const weightX = new Float64Array(nx);
  const weightX4 = new Float64Array(nx); // Σ w·w₄ per x, for ∂/∂a and ∂/∂b
  for (let i = 0; i < data.size; i++) weightX[data.xIndex[i]!]! += data.weight[i]!;
  const atT = timeTerms(data.distinctT);
  const atTx = timeTerms(data.distinctTx);

  return (theta: readonly number[], gradient?: number[]): number => {
    const [r, alpha, a, b] = theta.map(Math.exp) as [number, number, number, number];
    const lnA = Math.log(a);
    for (let j = 0; j < nx; j++) {
      const x = data.distinctX[j]!;
      constX[j] = lgammaDelta(r, x) + lgammaDelta(b, x) - lgammaDelta(a + b, x);
      lnA4X[j] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    }
    atT.update(alpha);
    atTx.update(alpha);
    const { log1p: l1pT, log: lnT, inv: invT, dlog1p: dT } = atT;
    const { log1p: l1pX, log: lnX, inv: invX, dlog1p: dX } = atTx;
    weightX4.fill(0);
    // locals rather than property reads keep this loop, the hot spot of a fit, tight
    const { size, x: xs, weight, xIndex, tIndex, txIndex } = data;
    let ll = 0;
    let dR = 0; // Σ w · ∂/∂r of the history-dependent part
    let dAlpha = 0;
    for (let i = 0; i < size; i++) {
      const t = tIndex[i]!;
      const w = weight[i]!;
      const x = xs[i]!;
      const l1pTt = l1pT[t]!;
      const l3 = -r * l1pTt - x * lnT[t]!;
      if (x === 0) {
        ll += w * l3;
        dR -= w * l1pTt;
        dAlpha += w * r * dT[t]!;
        continue;
      }
      const j = xIndex[i]!;
      const s = txIndex[i]!;
      const d = lnA4X[j]! - r * l1pX[s]! - x * lnX[s]! - l3;
      // ln(1 + e^d) and the A₄ share w₄ = e^d / (1 + e^d) with one exp and no overflow;
      // ln(1 + e) with e ≤ 1 has an absolute error of one ulp, all a sum of logs needs
      const positive = d > 0;
      const e = Math.exp(positive ? -d : d);
      const w4 = positive ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      ll += w * (constX[j]! + l3 + (positive ? d : 0) + Math.log(1 + e));
      dR -= w * (w3 * l1pTt + w4 * l1pX[s]!);
      dAlpha += w * (r * (w3 * dT[t]! + w4 * dX[s]!) - x * (w3 * invT[t]! + w4 * invX[s]!));
      weightX4[j]! += w * w4;
    }
    if (gradient) {
      const psiR = digamma(r);
      const psiAB = digamma(a + b);
      const psiB = digamma(b);
      let gR = dR;
      let gA = 0;
      let gB = 0;
      for (let j = 0; j < nx; j++) {
        const x = data.distinctX[j]!;
        if (x === 0) continue;
        const W = weightX[j]!;
        const psiABX = digamma(a + b + x);
        gR += W * (digamma(r + x) - psiR);
        gA += W * (psiAB - psiABX) + weightX4[j]! / a;
        gB += W * (psiAB - psiABX + digamma(b + x) - psiB) - weightX4[j]! / (b + x - 1);
      }
      // chain rule to log-parameters, and the sign of f = −ln L
      gradient[0] = -gR * r;
      gradient[1] = -dAlpha * alpha;
      gradient[2] = -gA * a;
      gradient[3] = -gB * b;
    }
    return -ll;
  };
}

/**
 * Per distinct time τ (a T or a t_x) at the current α: ln(1+τ/α), ln(α+τ), 1/(α+τ) and
 * τ/(α(α+τ)) = −∂ ln(1+τ/α)/∂α.
 */
function timeTerms(times: Float64Array) {
  const n = times.length;
  const terms = {
    log1p: new Float64Array(n),
    log: new Float64Array(n),
    inv: new Float64Array(n),
    dlog1p: new Float64Array(n),
    update(alpha: number) {
      for (let k = 0; k < n; k++) {
        const tau = times[k]!;
        terms.log1p[k] = Math.log1p(tau / alpha);
        terms.log[k] = Math.log(alpha + tau);
        terms.inv[k] = 1 / (alpha + tau);
        terms.dlog1p[k] = tau / (alpha * (alpha + tau));
      }
    },
  };
  return terms;
}
