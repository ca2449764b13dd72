/**
 * `ladder import customers|contacts|transactions FILE.csv|.xlsx`: the same all-or-nothing
 * import as the API, with a progress bar on stderr. A bad row stops it with its line and
 * reason (exit code 1) and nothing is imported; `--dry-run` lists every problem instead.
 */
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import cliProgress from "cli-progress";
import {
  ImportKindSchema,
  type ImportPreview,
  type ImportProgress,
} from "../../server/imports/imports.schema.js";
import { runImport } from "../../server/imports/runImport.js";
import { previewImport } from "../../server/imports/previewImport.js";
import { recoverInterruptedImports } from "../../server/imports/recoverInterruptedImports.js";
import { describeRowError } from "../../server/imports/importFile.js";
import { formatOfFileName } from "../../server/imports/readTable.js";
import { withActor } from "../cliContext.js";
import { parseOrExplain } from "../parseOrExplain.js";

interface ImportOptions {
  as?: string;
  idempotencyKey?: string;
  dryRun?: boolean;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A bar over the file's bytes while reading, then over the rows while publishing. */
function progressBar(size: number) {
  const bar = new cliProgress.SingleBar(
    {
      format: "{phase} |{bar}| {percentage}% | {detail}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      // Logs (CI, services) get a progress line twice a second instead of nothing.
      noTTYOutput: true,
      notTTYSchedule: 500,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: ImportProgress["phase"] | null = null;
  return {
    update(progress: ImportProgress) {
      if (progress.phase === "done") return;
      if (progress.phase !== phase) {
        if (phase !== null) bar.stop();
        phase = progress.phase;
        const total = phase === "reading" ? size : (progress.totalRows ?? 0);
        bar.start(Math.max(total, 1), 0, { phase: phase.padEnd(11), detail: "" });
      }
      if (phase === "reading") {
        bar.update(progress.bytesRead, {
          detail: `${progress.rowsRead.toLocaleString()} rows, ${mb(progress.bytesRead)} of ${mb(size)} MB`,
        });
      } else {
        bar.update(progress.rowsPublished, {
          detail: `${progress.rowsPublished.toLocaleString()} of ${(progress.totalRows ?? 0).toLocaleString()} rows`,
        });
      }
    },
    stop() {
      if (phase !== null) bar.stop();
      phase = null;
    },
  };
}

function printPreview(preview: ImportPreview, file: string): void {
  const out = process.stdout;
  out.write(
    `${file}: ${preview.rowCount.toLocaleString()} ${preview.kind} rows checked, nothing written.\n`,
  );
  out.write(
    `Columns: ${preview.columns.map((c) => (c.header === c.field ? c.field : `${c.header} → ${c.field}`)).join(", ")}\n`,
  );
  if (preview.ignoredColumns.length)
    out.write(`Ignored (no such field): ${preview.ignoredColumns.join(", ")}\n`);
  if (preview.valid) {
    out.write("Every row is good: run the same command without --dry-run to import.\n");
    return;
  }
  out.write(`${preview.errorCount.toLocaleString()} bad row(s):\n`);
  for (const error of preview.errors) out.write(`  ${describeRowError(error)}\n`);
  if (preview.errorCount > preview.errors.length)
    out.write(`  … and ${preview.errorCount - preview.errors.length} more\n`);
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("import customers, contacts or transactions from CSV or .xlsx, all or nothing")
    .argument("<kind>", "customers, contacts or transactions")
    .argument("<file>", "a .csv (UTF-8 or GBK) or .xlsx file; the first row names the columns")
    .option("--as <email>", "act as this user (default: the first admin)")
    .option(
      "--idempotency-key <key>",
      "repeating an import with this key after it succeeded does nothing",
    )
    .option("--dry-run", "check every row and list the problems; write nothing")
    .addHelpText(
      "after",
      "\nHeaders may be English field names (camelCase or snake_case) or Chinese ones, e.g.\n" +
        "  transactions: customer_ref,occurred_at,amount,cost,quantity,product,channel[,external_ref]\n" +
        "  customers:    客户编号,客户名称,客户类别,行业,地区,…\n",
    )
    .action(async (kindText: string, file: string, options: ImportOptions) => {
      const kind = parseOrExplain(ImportKindSchema, kindText);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new Error(`cannot read ${file}`);
      }
      const source = () => ({
        stream: createReadStream(file),
        fileName: basename(file),
        format: formatOfFileName(file),
        size,
      });
      await withActor(options.as, async (context, actor) => {
        const database = context.database;
        await recoverInterruptedImports(database);
        const bar = progressBar(size);
        try {
          if (options.dryRun) {
            const preview = await previewImport({
              database,
              actor,
              kind,
              source: source(),
              onProgress: bar.update,
            });
            bar.stop();
            printPreview(preview, file);
            if (!preview.valid) process.exitCode = 1;
            return;
          }
          const result = await runImport({
            database,
            actor,
            kind,
            source: source(),
            idempotencyKey: options.idempotencyKey ?? null,
            onProgress: bar.update,
          });
          bar.stop();
          process.stdout.write(
            result.replayed
              ? `Already imported under this key: import #${result.id}, ${result.rowCount.toLocaleString()} ${kind} (nothing done now)\n`
              : `Imported ${result.rowCount.toLocaleString()} ${kind} from ${file} (import #${result.id})\n`,
          );
        } finally {
          bar.stop();
        }
      });
    });
}
