/**
 * `ladder abc --transactions FILE.csv [--as-of DATE] [--a 0.8] [--b 0.95] [--points 101]
 * [--json]`: ABC classes, size tiers and the Pareto curve of customers by revenue.
 */
import type { Command } from "commander";
import {
  abcAnalysis,
  DEFAULT_ABC_CUTOFFS,
  paretoCurve,
  sizeTiers,
  type AbcClass,
  type ParetoPoint,
  type SizeTier,
} from "../../analytics/abc.js";
import { AnalyticsInputError } from "../../analytics/errors.js";
import { cents, formatDay } from "../../analytics/units.js";
import { readTransactionsCsv, resolveAsOf } from "./rfm.js";

/** Options of `ladder abc`. */
export interface AbcCommandOptions {
  readonly transactions: string;
  readonly asOf?: string;
  /** Cumulative-share cut-offs of classes A and B (defaults 0.8 and 0.95). */
  readonly a?: number;
  readonly b?: number;
  /** Points of the Pareto curve (default 101). */
  readonly points?: number;
}

/** What `ladder abc --json` prints; money in the currency unit of the file. */
export interface AbcReport {
  readonly asOf: string;
  readonly total: number;
  readonly classes: Record<AbcClass, { customers: number; value: number }>;
  readonly tiers: Record<SizeTier, number>;
  readonly curve: ParetoPoint[];
  readonly customers: Record<
    string,
    {
      rank: number;
      value: number;
      share: number;
      cumulativeShare: number;
      class: AbcClass;
      tier: SizeTier;
    }
  >;
}

/** Reads the log, totals revenue per customer up to the as-of day and classifies. */
export async function runAbc(options: AbcCommandOptions): Promise<AbcReport> {
  const rows = await readTransactionsCsv(options.transactions);
  const asOf = resolveAsOf(options.asOf, rows);
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (row.day <= asOf) totals.set(row.customerId, (totals.get(row.customerId) ?? 0) + row.amount);
  }
  const values = [...totals].map(([customerId, value]) => ({ customerId, value: cents(value) }));
  const result = abcAnalysis(values, {
    a: options.a ?? DEFAULT_ABC_CUTOFFS.a,
    b: options.b ?? DEFAULT_ABC_CUTOFFS.b,
  });
  const tiers = sizeTiers(values);
  const tierCounts: Record<SizeTier, number> = { top: 0, large: 0, medium: 0, small: 0 };
  const customers: AbcReport["customers"] = {};
  for (const row of result.rows) {
    const tier = tiers.get(row.customerId)!;
    tierCounts[tier]++;
    customers[row.customerId] = {
      rank: row.rank,
      value: row.value / 100,
      share: row.share,
      cumulativeShare: row.cumulativeShare,
      class: row.abcClass,
      tier,
    };
  }
  const classes = Object.fromEntries(
    Object.entries(result.classes).map(([k, v]) => [
      k,
      { customers: v.customers, value: v.value / 100 },
    ]),
  ) as AbcReport["classes"];
  return {
    asOf: formatDay(asOf),
    total: result.netTotal / 100,
    classes,
    tiers: tierCounts,
    curve: paretoCurve(values, options.points ?? 101),
    customers,
  };
}

/** A commander parser for a number option. */
function number(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value)) {
      throw new AnalyticsInputError(name, `not a number: "${text}"`);
    }
    return value;
  };
}

export function registerAbcCommand(program: Command): void {
  program
    .command("abc")
    .description("ABC (Pareto) classes, size tiers and curve by revenue from a transaction log")
    .requiredOption("--transactions <file>", "CSV with columns id, date, amount")
    .option("--as-of <date>", "count revenue up to this day (default: the last transaction day)")
    .option("--a <share>", "cumulative share of class A (default 0.8)", number("a"))
    .option("--b <share>", "cumulative share of classes A and B (default 0.95)", number("b"))
    .option("--points <n>", "points of the Pareto curve (default 101)", number("points"))
    .option("--json", "print every customer and the curve as JSON")
    .action(async (options: AbcCommandOptions & { json?: boolean }) => {
      const report = await runAbc(options);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      process.stdout.write(`ABC as of ${report.asOf}: total ${report.total.toFixed(2)}\n`);
      for (const [name, c] of Object.entries(report.classes)) {
        process.stdout.write(
          `  ${name}  ${String(c.customers).padStart(8)} customers  ${c.value.toFixed(2)}\n`,
        );
      }
    });
}
