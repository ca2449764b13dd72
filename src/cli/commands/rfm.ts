/**
 * `ladder rfm --transactions FILE.csv [--as-of DATE] [--json]`: RFM scores and segments of the
 * customers in a transaction log (columns id, date, amount). Also home of the transaction-log
 * reader that `ladder abc` shares.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import type { CustomerPurchase } from "../../analytics/clv/summary.js";
import { AnalyticsInputError } from "../../analytics/errors.js";
import {
  RFM_SEGMENTS,
  rfmCutPoints,
  rfmInputsFromTransactions,
  rfmScores,
  type RfmCutPoints,
  type RfmSegment,
} from "../../analytics/rfm.js";
import { formatDay, parseCents, toDay, type Day } from "../../analytics/units.js";

/** Column names accepted for each field (case-insensitive). */
const TRANSACTION_COLUMNS = {
  id: ["id", "customer_id", "customerid", "customer"],
  date: ["date", "day", "purchase_date"],
  amount: ["amount", "value", "revenue", "dollar_value"],
} as const;

/**
 * Reads a transaction log CSV (header row; columns id, date, amount under any of the accepted
 * names). Dates are YYYY-MM-DD (a time part is ignored) or YYYYMMDD; amounts are decimals in
 * the currency unit and become cents exactly.
 */
export async function readTransactionsCsv(file: string): Promise<CustomerPurchase[]> {
  const records = parseCsv(await readFile(file, "utf8"));
  const columns = resolveColumns(records[0] ?? {}, TRANSACTION_COLUMNS, file);
  return records.map((record, i) => {
    try {
      return {
        customerId: record[columns.id]!,
        day: toDay(record[columns.date]!),
        amount: parseCents(record[columns.amount]!),
      };
    } catch (error) {
      throw new Error(`${file}, line ${i + 2}: ${(error as Error).message}`, { cause: error });
    }
  });
}

/** Parses CSV text with a header row into records keyed by column name. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

/** Maps each wanted field to the actual header name, or throws naming the missing ones. */
export function resolveColumns<K extends string, O extends K = never>(
  record: Record<string, string>,
  wanted: Record<K, readonly string[]>,
  file: string,
  optional: readonly O[] = [],
): Record<Exclude<K, O>, string> & Partial<Record<O, string>> {
  const headers = new Map(Object.keys(record).map((h) => [h.toLowerCase(), h]));
  const resolved: Partial<Record<K, string>> = {};
  for (const [field, names] of Object.entries(wanted) as [K, readonly string[]][]) {
    const header = names.map((n) => headers.get(n)).find((h) => h !== undefined);
    if (header !== undefined) resolved[field] = header;
    else if (!(optional as readonly K[]).includes(field)) {
      throw new AnalyticsInputError(field, `${file} has no column ${names.join(" / ")}`);
    }
  }
  return resolved as Record<Exclude<K, O>, string> & Partial<Record<O, string>>;
}

/** The as-of day: the given date, or else the last transaction day in the file. */
export function resolveAsOf(asOf: string | undefined, rows: readonly CustomerPurchase[]): Day {
  if (asOf) return toDay(asOf);
  if (rows.length === 0) throw new AnalyticsInputError("as-of", "no transactions and no --as-of");
  return rows.reduce((max, r) => (r.day > max ? r.day : max), rows[0]!.day);
}

/** Options of `ladder rfm`. */
export interface RfmCommandOptions {
  readonly transactions: string;
  readonly asOf?: string;
}

/** What `ladder rfm --json` prints. */
export interface RfmReport {
  readonly asOf: string;
  /** Recency in days; monetary in the currency unit of the file. */
  readonly cutPoints: RfmCutPoints;
  readonly segments: Record<RfmSegment, number>;
  readonly customers: Record<
    string,
    {
      recencyDays: number;
      frequency: number;
      monetary: number;
      r: number;
      f: number;
      m: number;
      segment: RfmSegment;
    }
  >;
}

/** Reads the log and scores every customer who bought by the as-of day. */
export async function runRfm(options: RfmCommandOptions): Promise<RfmReport> {
  const rows = await readTransactionsCsv(options.transactions);
  const asOf = resolveAsOf(options.asOf, rows);
  const inputs = rfmInputsFromTransactions(rows, asOf);
  const cutPoints = rfmCutPoints(inputs);
  const scores = rfmScores(inputs, cutPoints);
  const segments = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<
    RfmSegment,
    number
  >;
  const customers: RfmReport["customers"] = {};
  scores.forEach((s, i) => {
    const input = inputs[i]!;
    segments[s.segment]++;
    customers[s.customerId] = {
      recencyDays: input.recencyDays,
      frequency: input.frequency,
      monetary: input.monetary / 100,
      r: s.r,
      f: s.f,
      m: s.m,
      segment: s.segment,
    };
  });
  return {
    asOf: formatDay(asOf),
    cutPoints: { ...cutPoints, monetary: cutPoints.monetary.map((c) => c / 100) },
    segments,
    customers,
  };
}

export function registerRfmCommand(program: Command): void {
  program
    .command("rfm")
    .description("RFM scores (1–5) and segments from a transaction log (id, date, amount)")
    .requiredOption("--transactions <file>", "CSV with columns id, date, amount")
    .option("--as-of <date>", "score as of this day (default: the last transaction day)")
    .option("--json", "print every customer as JSON")
    .action(async (options: RfmCommandOptions & { json?: boolean }) => {
      const report = await runRfm(options);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const total = Object.keys(report.customers).length;
      process.stdout.write(`RFM as of ${report.asOf}: ${total} customers\n`);
      for (const [segment, count] of Object.entries(report.segments)) {
        process.stdout.write(`  ${segment.padEnd(20)} ${String(count).padStart(8)}\n`);
      }
    });
}
