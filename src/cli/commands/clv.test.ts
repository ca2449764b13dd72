import path from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerClvCommand, runClv } from "./clv.js";

const CDNOW = path.resolve(process.cwd(), "../shared/data/cdnow");
const options = { unit: "week" as const, t: 39, months: 12, discount: 0.01 };

function expectRelative(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe("runClv on the CDNOW summary with mean repeat spend", () => {
  const report = runClv({
    ...options,
    summary: path.join(CDNOW, "cdnow_customers_summary_with_transactions.csv"),
  });

  it("fits both models to the published values (within 1 %)", async () => {
    const { bgnbd, gammaGamma } = await report;
    expectRelative(bgnbd.r, 0.243, 0.01);
    expectRelative(bgnbd.alpha, 4.414, 0.01);
    expectRelative(bgnbd.a, 0.793, 0.01);
    expectRelative(bgnbd.b, 2.426, 0.01);
    expect(bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(bgnbd.converged).toBe(true);
    expectRelative(gammaGamma!.p, 6.25, 0.01);
    expectRelative(gammaGamma!.q, 3.74, 0.01);
    expectRelative(gammaGamma!.gamma, 15.44, 0.01);
  });

  it("predicts per customer, keyed by id", async () => {
    const { customers } = await report;
    expect(Object.keys(customers)).toHaveLength(2357);
    // customer 1: x = 2, t_x = 30.43, T = 38.86, z̄ = 22.35. At the published parameters
    // E[Y(39)] = 1.22603 and P(alive) = 0.72658 (mpmath); the fitted ones differ in the 4th digit
    const one = customers["1"]!;
    expectRelative(one.expectedPurchases, 1.22603, 1e-3);
    expectRelative(one.pAlive, 0.72658, 1e-3);
    // p(γ + x z̄)/(px + q − 1) at the published parameters: 24.664
    expectRelative(one.expectedAverageValue!, 24.664, 2e-3);
    expect(one.clv).toBeGreaterThan(0);
    // a one-time buyer is alive for sure under BG/NBD and is valued at the population mean
    const three = customers["3"]!;
    expect(three.pAlive).toBe(1);
    expectRelative(three.expectedAverageValue!, (6.25 * 15.44) / 2.74, 5e-3);
  });

  it("discounts: CLV over 12 months is below undiscounted value × purchases in 52.14 weeks", async () => {
    const undiscounted = await runClv({
      ...options,
      t: 12 * 4.345,
      discount: 0,
      summary: path.join(CDNOW, "cdnow_customers_summary_with_transactions.csv"),
    });
    const one = undiscounted.customers["1"]!;
    expect(one.clv).toBeCloseTo(one.expectedAverageValue! * one.expectedPurchases, 9);
    expect((await report).customers["1"]!.clv).toBeLessThan(one.clv!);
  });
});

describe("runClv without a monetary column", () => {
  it("fits BG/NBD only and says why there is no CLV", async () => {
    const report = await runClv({
      ...options,
      summary: path.join(CDNOW, "cdnow_customers_summary.csv"),
    });
    expect(report.gammaGamma).toBeNull();
    expect(report.notes).toEqual(["no monetary column: no expected value and no CLV"]);
    expect(report.customers["1"]).toMatchObject({ expectedAverageValue: null, clv: null });
    expectRelative(report.customers["1"]!.expectedPurchases, 1.22603, 1e-3);
  });
});

describe("registerClvCommand", () => {
  it("registers `clv` with its options", () => {
    const program = new Command();
    registerClvCommand(program);
    const command = program.commands.find((c) => c.name() === "clv")!;
    expect(command.options.map((o) => o.long)).toEqual([
      "--summary",
      "--unit",
      "--t",
      "--months",
      "--discount",
      "--json",
    ]);
  });
});
