/**
 * Special functions for the CLV models, written here because the models need them in log space
 * and for arguments (heavy buyers, z near 1) where general-purpose ports lose all accuracy.
 */

const HALF_LOG_2PI = 0.918_938_533_204_672_8;

/** Lanczos approximation, g = 607/128 with 15 terms (Godfrey): relative error below 1e-15. */
const LANCZOS_G = 607 / 128;
const LANCZOS_C = [
  0.999_999_999_999_997_1, 57.156_235_665_862_923_5, -59.597_960_355_475_491_2,
  14.136_097_974_741_747_2, -0.491_913_816_097_620_2, 0.339_946_499_848_118_9e-4,
  0.465_236_289_270_485_8e-4, -0.983_744_753_048_795_6e-4, 0.158_088_703_224_912_5e-3,
  -0.210_264_441_724_104_9e-3, 0.217_439_618_115_212_6e-3, -0.164_318_106_536_763_9e-3,
  0.844_182_239_838_527_4e-4, -0.261_908_384_015_814_1e-4, 0.368_991_826_595_316_2e-5,
] as const;

const EULER_GAMMA = 0.577_215_664_901_532_9;

/** ζ(k) − 1 for k = 2…40: tabulated to 12, then Σ_{n=2}^{60} n^−k (remainder below 1e-22). */
const ZETA_MINUS_ONE: readonly number[] = (() => {
  const table = [
    0, 0, 0.644_934_066_848_226_4, 0.202_056_903_159_594_3, 0.082_323_233_711_138_19,
    0.036_927_755_143_369_93, 0.017_343_061_984_449_14, 0.008_349_277_381_922_827,
    0.004_077_356_197_944_339, 0.002_008_392_826_082_214, 0.000_994_575_127_818_085_3,
    0.000_494_188_604_119_464_6, 0.000_246_086_553_308_048_3,
  ];
  for (let k = 13; k <= 40; k++) {
    let sum = 0;
    for (let n = 60; n >= 2; n--) sum += n ** -k;
    table.push(sum);
  }
  return table;
})();

/**
 * ln Γ(1+ε) for |ε| ≤ 0.5 from its Taylor series (A&S 6.1.33) rearranged as
 * −γε + (ε − ln(1+ε)) + Σ_{k≥2} (−1)^k (ζ(k)−1) ε^k / k, which keeps full relative accuracy near
 * the zeros of ln Γ at 1 and 2, where the Lanczos sum only has absolute accuracy.
 */
function lgamma1p(eps: number): number {
  let sum = 0;
  let power = -eps;
  for (let k = 2; k <= 40; k++) {
    power *= -eps;
    sum += (ZETA_MINUS_ONE[k]! * power) / k;
  }
  return -EULER_GAMMA * eps + (eps - Math.log1p(eps)) + sum;
}

/**
 * ln|Γ(x)|: a Taylor series about 1 and 2 for 0.5 < x < 2.5, Lanczos above, the reflection
 * formula below; +∞ at the poles. Absolute error below 1e-15, relative near the zeros too.
 */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0.5) {
    if (Number.isInteger(x)) return Infinity;
    // Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  if (x < 1.5) return lgamma1p(x - 1);
  if (x < 2.5) return Math.log(x - 1) + lgamma1p(x - 2);
  const y = x - 1;
  let sum = LANCZOS_C[0];
  for (let i = 1; i < LANCZOS_C.length; i++) sum += LANCZOS_C[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Stirling's remainder S(z) = ln Γ(z) − [(z−½) ln z − z + ½ ln 2π] for z ≥ 100 (A&S 6.1.41). */
function stirlingRemainder(z: number): number {
  const inv2 = 1 / (z * z);
  return (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680))) / z;
}

/**
 * ln Γ(y+d) − ln Γ(y) without cancellation when y is large: for y = 1e20 both log-gammas are
 * about 4.5e21, whose rounding error (~1e6) would swamp the difference (d·ln y ≈ 46·d). For
 * y, y+d ≥ 100 it is (y−½)·ln(1+d/y) + d·ln(y+d) − d + S(y+d) − S(y); otherwise the plain
 * difference, which is then exact to ~1e-13.
 */
export function lgammaDelta(y: number, d: number): number {
  if (d === 0) return 0;
  if (y < 100 || y + d < 100) return lgamma(y + d) - lgamma(y);
  return (
    (y - 0.5) * Math.log1p(d / y) +
    d * Math.log(y + d) -
    d +
    stirlingRemainder(y + d) -
    stirlingRemainder(y)
  );
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * ψ(x) = d ln Γ(x)/dx. Recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic
 * series (Abramowitz & Stegun 6.3.18); reflection for x ≤ 0. Absolute error about 1e-15.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32_760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** A sum returned as sign × exp(logAbs), so that it can exceed the range of a double. */
export interface LogSum {
  readonly logAbs: number;
  readonly sign: -1 | 0 | 1;
}

const EPS = 1e-17;
const MAX_TERMS = 10_000_000;
const RESCALE = 1e280;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * Sums the hypergeometric-type series Σ_{n ≥ n0} t_n with t_{n0} = first and
 * t_{n+1} = t_n · (A+n)(B+n) z / ((C+n)(n+1)), in scaled arithmetic (terms may exceed 1e308).
 *
 * Stopping is rigorous: for k ≥ 1 and C > −1, |t_{k+1}/t_k| ≤ z·(1 + (P⁺k + Q⁺)/(m k²)) with
 * P = |A|+|B|−C−1, Q = |A||B|−C, m = min(1, 1+C), a bound that decreases in k; once it is
 * ρ < 1, the remainder after t_n is at most |t_n|·ρ/(1−ρ), and we stop when that is below
 * 1e-17 of the partial sum.
 */
export function hypergeometricSum(
  A: number,
  B: number,
  C: number,
  z: number,
  n0 = 0,
  first = 1,
): LogSum {
  if (!(C > -1) || !(z >= 0 && z < 1)) {
    throw new RangeError(`hypergeometric series needs C > -1 and 0 ≤ z < 1 (C=${C}, z=${z})`);
  }
  if (n0 === 0 && C <= 0) throw new RangeError(`hypergeometric series needs C > 0 (C=${C})`);
  const absA = Math.abs(A);
  const absB = Math.abs(B);
  const P = Math.max(absA + absB - C - 1, 0);
  const Q = Math.max(absA * absB - C, 0);
  const m = Math.min(1, 1 + C);
  let term = first;
  let sum = first;
  let compensation = 0; // Neumaier summation: long series near z = 1 add up rounding errors
  let logScale = 0;
  for (let n = n0; n < n0 + MAX_TERMS; n++) {
    if (term === 0) break; // a terminating (polynomial) series
    if (n >= 1) {
      const rho = z * (1 + (P * n + Q) / (m * n * n));
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= EPS * Math.abs(sum)) {
        return toLogSum(sum + compensation, logScale);
      }
    }
    term *= ((A + n) * (B + n) * z) / ((C + n) * (n + 1));
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    if (Math.abs(term) > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      compensation /= RESCALE;
      logScale += LOG_RESCALE;
    }
  }
  if (term === 0) return toLogSum(sum + compensation, logScale);
  throw new RangeError(`hypergeometric series did not converge in ${MAX_TERMS} terms (z=${z})`);
}

function toLogSum(sum: number, logScale: number): LogSum {
  if (sum === 0) return { logAbs: -Infinity, sign: 0 };
  return { logAbs: Math.log(Math.abs(sum)) + logScale, sign: sum > 0 ? 1 : -1 };
}

/**
 * ln ₂F₁(a, b; c; z) for c > 0 and 0 ≤ z < 1, when the value is positive (always so for
 * a, b > 0).
 *
 * When a + b > c the series is summed after Euler's transformation (A&S 15.3.3),
 * ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z): for the BG/NBD conditional expectation
 * of a heavy buyer, ₂F₁(r+x, b+x; a+b+x−1; z), the transformed parameters (a+b−1−r, a−1) no
 * longer grow with x, so the series converges in a handful of terms instead of first growing
 * like (1−z)^(−x) over thousands of terms.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  let prefix = 0;
  let sum: LogSum;
  if (a + b > c) {
    prefix = (c - a - b) * Math.log1p(-z);
    sum = hypergeometricSum(c - a, c - b, c, z);
  } else {
    sum = hypergeometricSum(a, b, c, z);
  }
  if (sum.sign <= 0) throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) is not positive`);
  return prefix + sum.logAbs;
}
