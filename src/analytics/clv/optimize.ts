/**
 * Unconstrained minimisation for the model fits (which optimise over log-parameters, so every
 * parameter stays positive). `minimize` runs a derivative-free Nelder–Mead to get near the
 * optimum from a rough start, BFGS with the analytic gradient to converge, and Newton steps on
 * a numeric Hessian to polish; it reports whether it converged and returns the Hessian.
 */

/** Objective value at `x`; when `gradient` is given, also writes ∇f(x) into it. */
export type Objective = (x: readonly number[], gradient?: number[]) => number;

/** The outcome of a minimisation. */
export interface MinimizeResult {
  /** The minimiser found. */
  readonly x: number[];
  /** f at `x`. */
  readonly value: number;
  /** max |∂f/∂xᵢ| at `x`. */
  readonly gradientNorm: number;
  /**
   * True when max|∇f| ≤ gradientTolerance · max(1, |f|), or when the Newton decrement
   * ∇fᵀH⁻¹∇f (twice the improvement still possible) is below 1e-15 · max(1, |f|): on sums over
   * millions of customers the gradient cannot get smaller than the rounding noise of f allows,
   * and what is left to gain is far below it.
   */
  readonly converged: boolean;
  /** BFGS and Newton iterations (after Nelder–Mead). */
  readonly iterations: number;
  /** Objective evaluations in total (of `f`; the coarse objective is not counted). */
  readonly evaluations: number;
  /**
   * The Hessian (central differences of the gradient) at `x` or at the Newton iterate before it,
   * which near the optimum is the same to many digits; null if not positive definite.
   */
  readonly hessian: number[][] | null;
}

/** Options of `minimize`. */
export interface MinimizeOptions {
  /** Relative gradient tolerance (default 1e-10). */
  readonly gradientTolerance?: number;
  /** Nelder–Mead evaluations before switching to BFGS (default 200; 0 skips it). */
  readonly nelderMeadEvaluations?: number;
  /** A cheaper approximation of f for the Nelder–Mead stage (default f itself). */
  readonly coarseObjective?: Objective;
  /** Initial simplex step in each coordinate (default 0.5). */
  readonly initialStep?: number;
  /** BFGS iteration cap (default 500). */
  readonly maxIterations?: number;
}

/**
 * Minimises `f` from `x0`: Nelder–Mead to get close (robust from a rough start), BFGS with the
 * analytic gradient to converge, then Newton steps on the numeric Hessian of the gradient to
 * polish and to certify convergence.
 */
export function minimize(
  f: Objective,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const counted = countEvaluations(f);
  const nmBudget = options.nelderMeadEvaluations ?? 200;
  const start =
    nmBudget > 0
      ? nelderMead(options.coarseObjective ?? counted.f, x0, {
          maxEvaluations: nmBudget,
          initialStep: options.initialStep,
        })
      : [...x0];
  const tolerance = options.gradientTolerance ?? 1e-10;
  const done = (p: { value: number; gradientNorm: number; decrement: number }) => {
    const scale = Math.max(1, Math.abs(p.value));
    return p.gradientNorm <= tolerance * scale || p.decrement <= 1e-15 * scale;
  };
  // From a good start Newton alone converges in a few steps (2n gradients per Hessian); when
  // it cannot (the Hessian is not positive definite that far out, or steps stall), BFGS gets
  // close first and Newton finishes.
  let polished = newtonPolish(counted.f, start, tolerance);
  let iterations = polished.iterations;
  if (!done(polished)) {
    const quasiNewton = bfgs(counted.f, polished.x, {
      ...options,
      gradientTolerance: Math.max(tolerance, 1e-7),
    });
    polished = newtonPolish(counted.f, quasiNewton.x, tolerance);
    iterations += quasiNewton.iterations + polished.iterations;
  }
  return {
    x: polished.x,
    value: polished.value,
    gradientNorm: polished.gradientNorm,
    converged: done(polished),
    iterations,
    evaluations: counted.count(),
    hessian: polished.hessian,
  };
}

/**
 * Newton iterations x ← x − H⁻¹∇f, H from `numericHessian` at the BFGS point and reused while
 * the steps keep shrinking the gradient (near the optimum H barely changes, and each Hessian
 * costs 2n gradients). A step must shrink the gradient without making f worse beyond its
 * rounding noise; when even a fresh Hessian gives no such step, we are at the floating-point
 * limit and report the Newton decrement for the convergence test.
 */
function newtonPolish(f: Objective, x0: number[], gradientTolerance: number) {
  let x = x0;
  let g = new Array<number>(x.length).fill(0);
  let value = f(x, g);
  let hessian: number[][] | null = null;
  let inverse: number[][] | null = null;
  let fresh = false;
  let iterations = 0;
  for (;;) {
    const gradientNorm = normInf(g);
    const scale = Math.max(1, Math.abs(value));
    if (!inverse) {
      hessian = numericHessian(f, x);
      inverse = invertSpd(hessian);
      fresh = true;
      if (!inverse)
        return { x, value, gradientNorm, decrement: Infinity, hessian: null, iterations };
    }
    const step = inverse.map((row) => -dot(row, g));
    const decrement = -dot(step, g);
    if (gradientNorm <= gradientTolerance * scale || iterations >= 10) {
      return { x, value, gradientNorm, decrement, hessian, iterations };
    }
    const candidate = x.map((v, i) => v + step[i]!);
    const gc = new Array<number>(x.length).fill(0);
    const fc = f(candidate, gc);
    if (fc <= value + 1e-13 * scale && normInf(gc) < gradientNorm) {
      [x, value, g] = [candidate, fc, gc];
      iterations++;
      fresh = false;
    } else if (!fresh) {
      inverse = null; // the Hessian is stale: recompute it here and try again
    } else {
      return { x, value, gradientNorm, decrement, hessian, iterations };
    }
  }
}

function countEvaluations(f: Objective): { f: Objective; count: () => number } {
  let n = 0;
  return {
    f: (x, g) => {
      n++;
      return f(x, g);
    },
    count: () => n,
  };
}

/**
 * Nelder–Mead simplex search (Nelder & Mead 1965, with the usual coefficients 1, 2, ½, ½).
 * Non-finite values count as +∞, so the search backs away from where the objective overflows.
 * Stops when the simplex values agree to 1e-10 (relative) or the budget is spent.
 */
export function nelderMead(
  f: Objective,
  x0: readonly number[],
  {
    maxEvaluations = 200,
    initialStep = 0.5,
  }: { maxEvaluations?: number; initialStep?: number | undefined },
): number[] {
  const n = x0.length;
  const value = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = x0.slice();
    vertex[i]! += initialStep;
    simplex.push(vertex);
  }
  let values = simplex.map(value);
  let evaluations = n + 1;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const best = values[0]!;
    const worst = values[n]!;
    if (Math.abs(worst - best) <= 1e-10 * (Math.abs(best) + 1e-10)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = value(reflected);
    evaluations++;
    if (fr < best) {
      const expanded = along(-2);
      const fe = value(expanded);
      evaluations++;
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < worst ? along(-0.5) : along(0.5);
      const fc = value(contracted);
      evaluations++;
      if (fc < Math.min(fr, worst)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = value(simplex[i]!);
        }
        evaluations += n;
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return simplex[bestIndex]!;
}

/**
 * BFGS (Nocedal & Wright 2006, algorithm 6.1) with a weak-Wolfe bisection line search
 * (c₁ = 1e-4, c₂ = 0.9); the inverse-Hessian update is skipped when the curvature condition
 * fails. Converged when max|∇f| ≤ tolerance · max(1, |f|).
 */
export function bfgs(
  f: Objective,
  x0: readonly number[],
  options: MinimizeOptions = {},
): { x: number[]; value: number; gradientNorm: number; converged: boolean; iterations: number } {
  const tolerance = options.gradientTolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 500;
  const n = x0.length;
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let fx = f(x, g);
  let H = identity(n);
  let iterations = 0;
  const done = (): boolean => normInf(g) <= tolerance * Math.max(1, Math.abs(fx));
  while (!done() && iterations < maxIterations && Number.isFinite(fx)) {
    iterations++;
    let d = H.map((row) => -dot(row, g));
    if (dot(d, g) >= 0) {
      H = identity(n); // not a descent direction: restart from steepest descent
      d = g.map((v) => -v);
    }
    const step = wolfeLineSearch(f, x, fx, g, d);
    if (!step) break;
    const s = step.x.map((v, i) => v - x[i]!);
    const y = step.g.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (iterations === 1 && sy > 0) {
      const scale = sy / dot(y, y); // Nocedal & Wright (6.20): a well-scaled first H
      H = H.map((row) => row.map((v) => v * scale));
    }
    if (sy > 1e-300) H = bfgsUpdate(H, s, y, sy);
    [x, fx, g] = [step.x, step.value, step.g];
  }
  return { x, value: fx, gradientNorm: normInf(g), converged: done(), iterations };
}

interface LineStep {
  x: number[];
  value: number;
  g: number[];
}

function wolfeLineSearch(
  f: Objective,
  x: readonly number[],
  fx: number,
  g: readonly number[],
  d: readonly number[],
): LineStep | null {
  const slope = dot(g, d);
  let lo = 0;
  let hi = Infinity;
  let t = 1;
  let fallback: LineStep | null = null;
  for (let k = 0; k < 60; k++) {
    const xt = x.map((v, i) => v + t * d[i]!);
    const gt = new Array<number>(x.length).fill(0);
    const ft = f(xt, gt);
    if (!Number.isFinite(ft) || ft > fx + 1e-4 * t * slope) {
      hi = t;
    } else {
      fallback = { x: xt, value: ft, g: gt };
      if (dot(gt, d) < 0.9 * slope) lo = t;
      else return fallback;
    }
    t = hi === Infinity ? 2 * lo : (lo + hi) / 2;
  }
  return fallback && fallback.value < fx ? fallback : null;
}

function bfgsUpdate(H: number[][], s: number[], y: number[], sy: number): number[][] {
  // H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy
  const rho = 1 / sy;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  return H.map((row, i) =>
    row.map(
      (v, j) =>
        v - rho * (s[i]! * Hy[j]! + Hy[i]! * s[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!,
    ),
  );
}

/**
 * The Hessian of `f` at `x` by central differences of its analytic gradient (step h·max(1,|xᵢ|)),
 * symmetrised. Used for standard errors.
 */
export function numericHessian(f: Objective, x: readonly number[], h = 1e-5): number[][] {
  const n = x.length;
  const H: number[][] = [];
  for (let i = 0; i < n; i++) {
    const step = h * Math.max(1, Math.abs(x[i]!));
    const gp = new Array<number>(n).fill(0);
    const gm = new Array<number>(n).fill(0);
    f(
      x.map((v, k) => (k === i ? v + step : v)),
      gp,
    );
    f(
      x.map((v, k) => (k === i ? v - step : v)),
      gm,
    );
    H.push(gp.map((v, k) => (v - gm[k]!) / (2 * step)));
  }
  return H.map((row, i) => row.map((v, j) => (v + H[j]![i]!) / 2));
}

/** Inverts a symmetric positive-definite matrix by Cholesky; null if it is not one. */
export function invertSpd(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const L = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i]![j]!;
      for (let k = 0; k < j; k++) sum -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i]![i] = Math.sqrt(sum);
      } else {
        L[i]![j] = sum / L[j]![j]!;
      }
    }
  }
  const inverse = A.map(() => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= L[i]![k]! * y[k]!;
      y[i] = sum / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i]!;
      for (let k = i + 1; k < n; k++) sum -= L[k]![i]! * inverse[k]![col]!;
      inverse[i]![col] = sum / L[i]![i]!;
    }
  }
  return inverse;
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

function dot(u: readonly number[], v: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i]! * v[i]!;
  return sum;
}

function normInf(v: readonly number[]): number {
  return v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
}
