/**
 * `ladder clv --summary FILE.csv --unit week|day --t H --months M --discount D [--json]`:
 * fits BG/NBD (and Gamma-Gamma when the file has a monetary column) on a customer summary and
 * prints the parameters and, per customer, expected purchases over the next H units,
 * P(alive), expected value per transaction and discounted CLV.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  conditionalExpectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdFit,
} from "../../analytics/clv/bgnbd.js";
import { discountedClv, UNITS_PER_MONTH } from "../../analytics/clv/clv.js";
import {
  conditionalExpectedValue,
  fitGammaGamma,
  type GammaGammaFit,
} from "../../analytics/clv/gammaGamma.js";
import { validateHistory, type PurchaseHistory } from "../../analytics/clv/histories.js";
import { AnalyticsInputError, InsufficientDataError } from "../../analytics/errors.js";
import type { TimeUnit } from "../../analytics/units.js";
import { parseCsv, resolveColumns } from "./rfm.js";

/** Column names accepted for each field (case-insensitive); the literature's names included. */
const SUMMARY_COLUMNS = {
  id: ["id", "customer_id", "customerid"],
  frequency: ["frequency", "x"],
  recency: ["recency", "t_x", "tx"],
  T: ["t", "age"],
  monetary: ["monetary_value", "monetary", "zbar"],
} as const;

/** Options of `ladder clv`. */
export interface ClvCommandOptions {
  readonly summary: string;
  readonly unit: TimeUnit;
  /** Horizon of the expected purchases, in `unit`s. */
  readonly t: number;
  readonly months: number;
  /** Monthly discount rate. */
  readonly discount: number;
}

/** One customer's predictions. */
export interface ClvCustomer {
  readonly expectedPurchases: number;
  readonly pAlive: number;
  /** Null without a monetary column or where the Gamma-Gamma mean is undefined. */
  readonly expectedAverageValue: number | null;
  readonly clv: number | null;
}

/** What `ladder clv --json` prints. */
export interface ClvReport {
  readonly unit: TimeUnit;
  readonly horizon: number;
  readonly months: number;
  readonly monthlyDiscountRate: number;
  readonly bgnbd: Omit<BgNbdFit, "params"> & BgNbdFit["params"];
  readonly gammaGamma: (Omit<GammaGammaFit, "params"> & GammaGammaFit["params"]) | null;
  /** Why a part is missing (no monetary column, too few repeat buyers for Gamma-Gamma). */
  readonly notes: string[];
  readonly customers: Record<string, ClvCustomer>;
}

/** Reads the summary, fits the models and predicts for every customer. */
export async function runClv(options: ClvCommandOptions): Promise<ClvReport> {
  const { unit, t, months, discount } = options;
  if (!(unit in UNITS_PER_MONTH))
    throw new AnalyticsInputError("unit", `"${unit}" is not week or day`);
  const records = parseCsv(await readFile(options.summary, "utf8"));
  const columns = resolveColumns(records[0] ?? {}, SUMMARY_COLUMNS, options.summary, ["monetary"]);
  const customers = records.map((record, i) => {
    const history = {
      x: Number(record[columns.frequency]),
      tx: Number(record[columns.recency]),
      T: Number(record[columns.T]),
    };
    try {
      validateHistory(history);
    } catch (error) {
      throw new Error(`${options.summary}, line ${i + 2}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const monetary = columns.monetary === undefined ? null : Number(record[columns.monetary]);
    return { id: record[columns.id]!, history, monetary };
  });

  const bgnbd = fitBgNbd(customers.map((c) => c.history));
  const notes: string[] = [];
  let gammaGamma: GammaGammaFit | null = null;
  if (columns.monetary === undefined) {
    notes.push("no monetary column: no expected value and no CLV");
  } else {
    try {
      gammaGamma = fitGammaGamma(
        customers.map((c) => ({ x: c.history.x, meanValue: c.monetary ?? 0 })),
      );
    } catch (error) {
      if (!(error instanceof InsufficientDataError)) throw error;
      notes.push(error.message);
    }
  }

  // customers share (x, t_x, T): predict each distinct history once; CLV is linear in the value
  const cache = new Map<string, { purchases: number; pAlive: number; clvPerValue: number }>();
  const predict = (h: PurchaseHistory) => {
    const key = `${h.x}|${h.tx}|${h.T}`;
    let p = cache.get(key);
    if (!p) {
      p = {
        purchases: conditionalExpectedPurchases(bgnbd.params, h, t),
        pAlive: probabilityAlive(bgnbd.params, h),
        clvPerValue: discountedClv(bgnbd.params, h, 1, {
          months,
          monthlyDiscountRate: discount,
          unitsPerMonth: UNITS_PER_MONTH[unit],
        }),
      };
      cache.set(key, p);
    }
    return p;
  };
  const perCustomer: Record<string, ClvCustomer> = {};
  for (const c of customers) {
    const p = predict(c.history);
    const value = gammaGamma
      ? conditionalExpectedValue(gammaGamma.params, c.history.x, c.monetary ?? 0)
      : null;
    perCustomer[c.id] = {
      expectedPurchases: p.purchases,
      pAlive: p.pAlive,
      expectedAverageValue: value,
      clv: value === null ? null : value * p.clvPerValue,
    };
  }
  return {
    unit,
    horizon: t,
    months,
    monthlyDiscountRate: discount,
    bgnbd: flatten(bgnbd),
    gammaGamma: gammaGamma && flatten(gammaGamma),
    notes,
    customers: perCustomer,
  };
}

/** A fit with its parameters lifted to the top level, as printed. */
function flatten<T extends { params: object }>({
  params,
  ...rest
}: T): Omit<T, "params"> & T["params"] {
  return { ...params, ...rest };
}

/** A commander parser for a number option with a lower bound. */
function number(name: string, min: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < min) {
      throw new AnalyticsInputError(name, `expected a number ≥ ${min}, got "${text}"`);
    }
    return value;
  };
}

export function registerClvCommand(program: Command): void {
  program
    .command("clv")
    .description("fit BG/NBD and Gamma-Gamma on a customer summary and predict CLV")
    .requiredOption(
      "--summary <file>",
      "CSV with id, frequency, recency, T and optionally monetary_value (x, t_x, zbar also work)",
    )
    .option("--unit <unit>", "time unit of recency and T: week or day", "week")
    .option(
      "--t <units>",
      "horizon of the expected purchases, in units (default 52)",
      number("t", 0),
      52,
    )
    .option("--months <m>", "CLV horizon in months (default 12)", number("months", 0), 12)
    .option(
      "--discount <rate>",
      "monthly discount rate (default 0.01)",
      number("discount", 0),
      0.01,
    )
    .option("--json", "print the parameters and every customer as JSON")
    .action(async (options: ClvCommandOptions & { json?: boolean }) => {
      const report = await runClv(options);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const { r, alpha, a, b, logLikelihood, converged } = report.bgnbd;
      const line = (text: string) => process.stdout.write(`${text}\n`);
      line(
        `BG/NBD   r=${r.toFixed(4)} alpha=${alpha.toFixed(4)} a=${a.toFixed(4)} b=${b.toFixed(4)}`,
      );
      line(
        `         log-likelihood ${logLikelihood.toFixed(2)}${converged ? "" : " (NOT CONVERGED)"}`,
      );
      if (report.gammaGamma) {
        const g = report.gammaGamma;
        line(`Gamma-Gamma p=${g.p.toFixed(4)} q=${g.q.toFixed(4)} gamma=${g.gamma.toFixed(4)}`);
        line(
          `         log-likelihood ${g.logLikelihood.toFixed(2)}${g.converged ? "" : " (NOT CONVERGED)"}`,
        );
      }
      const clvs = Object.values(report.customers).map((c) => c.clv ?? 0);
      line(
        `${clvs.length} customers; total CLV ${clvs.reduce((s, v) => s + v, 0).toFixed(2)} (--json for each)`,
      );
    });
}
