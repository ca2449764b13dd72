/**
 * Seeded simulation of purchase histories from the BG/NBD process, for tests, benchmarks and
 * demo data: the same seed always gives the same customers.
 */
import type { BgNbdParams } from "./bgnbdLikelihood.js";
import type { PurchaseHistory } from "./histories.js";

/** A uniform generator on [0, 1) (mulberry32: small, fast, 2³² period, fine for simulation). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)). */
export function randomGamma(shape: number, random: () => number): number {
  if (shape < 1) return randomGamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal; 1 − U keeps the logarithm finite
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Options of `simulateBgNbd`. */
export interface SimulationOptions {
  readonly customers: number;
  /** Customers' ages T are uniform on [minT, maxT]. */
  readonly minT: number;
  readonly maxT: number;
  readonly seed: number;
  /**
   * If set, times are observed on this grid (e.g. 1 for whole days): T and purchase times are
   * floored to it and purchases in the same grid cell merge, as same-day purchases do.
   */
  readonly grid?: number;
}

/**
 * Draws customers from the BG/NBD process (FHL 2005, assumptions i–v): λ ~ Gamma(r, α),
 * p ~ Beta(a, b); exponential inter-purchase times; after each purchase the customer drops
 * out with probability p. Returns each customer's (x, t_x, T).
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): PurchaseHistory[] {
  const random = seededRandom(options.seed);
  const grid = options.grid;
  const snap = (t: number) => (grid ? Math.floor(t / grid) * grid : t);
  const histories: PurchaseHistory[] = [];
  for (let i = 0; i < options.customers; i++) {
    const T = snap(options.minT + (options.maxT - options.minT) * random());
    const lambda = randomGamma(params.r, random) / params.alpha;
    const ga = randomGamma(params.a, random);
    const p = ga / (ga + randomGamma(params.b, random));
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (!(snap(t) <= T)) break;
      if (snap(t) > tx) {
        x++;
        tx = snap(t);
      }
      if (random() < p) break;
    }
    histories.push({ x, tx, T });
  }
  return histories;
}
