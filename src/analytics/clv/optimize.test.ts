import { describe, expect, it } from "vitest";
import {
  bfgs,
  invertSpd,
  minimize,
  nelderMead,
  numericHessian,
  type Objective,
} from "./optimize.js";

/** Rosenbrock's banana, minimum 0 at (1, 1): a standard hard valley. */
const rosenbrock: Objective = ([x, y], gradient) => {
  const [a, b] = [x!, y!];
  if (gradient) {
    gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    gradient[1] = 200 * (b - a * a);
  }
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

/** A convex quadratic ½(x−c)ᵀA(x−c) with known minimiser c and Hessian A. */
const A = [
  [4, 1, 0],
  [1, 3, 0.5],
  [0, 0.5, 2],
];
const c = [1, -2, 0.5];
const quadratic: Objective = (x, gradient) => {
  const d = x.map((v, i) => v - c[i]!);
  const Ad = A.map((row) => row.reduce((s, v, j) => s + v * d[j]!, 0));
  if (gradient) Ad.forEach((v, i) => (gradient[i] = v));
  return 0.5 * d.reduce((s, v, i) => s + v * Ad[i]!, 0);
};

describe("minimize", () => {
  it("finds Rosenbrock's minimum to 1e-8 and says it converged", () => {
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it("returns the Hessian at the minimum", () => {
    const result = minimize(quadratic, [0, 0, 0]);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(c[i]!, 10));
    result.hessian!.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(A[i]![j]!, 6)));
  });

  it("reports non-convergence when the iteration budget runs out", () => {
    // x⁴ has a degenerate minimum: Newton only gains a factor 2/3 per step
    const quartic: Objective = ([x], gradient) => {
      if (gradient) gradient[0] = 4 * x! ** 3;
      return x! ** 4;
    };
    const result = minimize(quartic, [10], { nelderMeadEvaluations: 0, maxIterations: 1 });
    expect(result.converged).toBe(false);
    expect(result.gradientNorm).toBeGreaterThan(1e-6);
  });
});

describe("nelderMead", () => {
  it("gets close to the minimum without derivatives", () => {
    const x = nelderMead(quadratic, [0, 0, 0], { maxEvaluations: 2000 });
    x.forEach((v, i) => expect(v).toBeCloseTo(c[i]!, 4));
  });

  it("backs away from non-finite values", () => {
    const walled: Objective = ([x]) => (x! < 0 ? NaN : (x! - 2) ** 2);
    expect(nelderMead(walled, [0.1], { maxEvaluations: 500 })[0]).toBeCloseTo(2, 4);
  });
});

describe("bfgs", () => {
  it("minimises a quadratic in a handful of iterations", () => {
    const result = bfgs(quadratic, [5, 5, 5]);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(20);
  });
});

describe("numericHessian and invertSpd", () => {
  it("differentiates the gradient and inverts the result", () => {
    const H = numericHessian(quadratic, [0.3, 0.1, -0.2]);
    const inverse = invertSpd(H)!;
    // H · H⁻¹ = I
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const product = H[i]!.reduce((s, v, k) => s + v * inverse[k]![j]!, 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 8);
      }
    }
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(
      invertSpd([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});
