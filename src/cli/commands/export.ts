/**
 * `ladder export customers|contacts|transactions --format csv|xlsx [--out FILE] [filters]`:
 * the API's export, acting as a user (so the same row access and field grades apply), to a
 * file or to stdout.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { Command } from "commander";
import { z } from "zod";
import {
  EXPORT_KINDS,
  ExportContactsQuerySchema,
  ExportCustomersQuerySchema,
  ExportTransactionsQuerySchema,
  type ExportKind,
  type ExportQuery,
} from "../../server/exports/exports.schema.js";
import { exportTable } from "../../server/exports/exportTable.js";
import { withActor } from "../cliContext.js";
import { parseOrExplain } from "../parseOrExplain.js";

const SCHEMAS: Record<ExportKind, z.ZodType> = {
  customers: ExportCustomersQuerySchema,
  contacts: ExportContactsQuerySchema,
  transactions: ExportTransactionsQuerySchema,
};

/** Filter options: the customer list's filters (comma-separated lists), by their API names. */
const FILTERS: [flag: string, key: string, help: string][] = [
  ["--q <text>", "q", "name contains (Chinese works), or exact external reference"],
  ["--stage <list>", "stage", "stages, e.g. new,old,core"],
  ["--kind <list>", "kind", "organization and/or individual"],
  ["--purpose <list>", "purpose", "consumer, intermediary, public_interest"],
  ["--industry <list>", "industry", "industries"],
  ["--region <list>", "region", "regions"],
  ["--scale <list>", "scale", "micro, small, medium, large, enterprise"],
  ["--positioning <list>", "positioning", "product positioning"],
  ["--management-model <list>", "managementModel", "management models"],
  ["--marketing-model <list>", "marketingModel", "marketing models"],
  ["--org-structure <list>", "orgStructure", "organisation structures"],
  ["--owner-id <list>", "ownerId", "owners' user ids"],
  ["--tag <list>", "tag", "customers with any of these tags"],
  ["--product <list>", "product", "customers who bought any of these products"],
  ["--archived <which>", "archived", "false (default), true (include) or only"],
  ["--from <instant>", "from", "transactions: from this time, e.g. 2024-01-01T00:00:00Z"],
  ["--to <instant>", "to", "transactions: before this time"],
];

export function registerExportCommand(program: Command): void {
  const command = program
    .command("export")
    .description(
      "export customers, contacts or transactions as CSV or xlsx (rows and fields you may see)",
    )
    .argument("<kind>", EXPORT_KINDS.join(", "))
    .requiredOption("--format <format>", "csv or xlsx")
    .option("--out <file>", "file to write (default: standard output)")
    .option("--headers <language>", "en (field names, as imports expect) or zh (Chinese)", "en")
    .option("--as <email>", "act as this user (default: the first admin)");
  for (const [flag, , help] of FILTERS) command.option(flag, help);
  command.action(async (kindText: string, options: Record<string, string | undefined>) => {
    const kind = parseOrExplain(z.enum(EXPORT_KINDS), kindText);
    const input: Record<string, string> = {
      format: options.format!,
      headers: options.headers ?? "en",
    };
    for (const [, key] of FILTERS) if (options[key] !== undefined) input[key] = options[key]!;
    const query = parseOrExplain(SCHEMAS[kind], input) as ExportQuery;
    if (!options.out && query.format === "xlsx" && process.stdout.isTTY) {
      throw new Error("an xlsx file is binary: give --out FILE or redirect standard output");
    }
    await withActor(options.as, async (context, actor) => {
      // exportTable ends its output; standard output must stay open, so go through a pass-through.
      const output = new PassThrough();
      const target = options.out ? createWriteStream(options.out) : process.stdout;
      output.pipe(target, { end: Boolean(options.out) });
      const written = options.out ? once(target, "finish") : once(output, "end");
      const result = await exportTable({
        db: context.database.db,
        grades: context.grades,
        actor,
        kind,
        query,
        output,
        onRows: (rows) => {
          if (options.out && process.stderr.isTTY)
            process.stderr.write(`\r${rows.toLocaleString()} rows`);
        },
      });
      await written;
      if (options.out) {
        process.stderr.write(
          `${process.stderr.isTTY ? "\r" : ""}Exported ${result.rows.toLocaleString()} ${kind} to ${options.out} ` +
            `(${result.columns.length} columns)\n`,
        );
      }
    });
  });
}
