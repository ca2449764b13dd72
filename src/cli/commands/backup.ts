import type { Command } from "commander";
import { backupDatabase, restoreDatabase } from "../../server/backup/backup.js";
import { withDatabase } from "../cliContext.js";

const report = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `  ${table}: ${n}`)
    .join("\n");

export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description(
      "write every table to a gzip'd JSON-lines file (works on the embedded database and on PostgreSQL)",
    )
    .requiredOption("--out <file>", "backup file to write, e.g. ladder-2025-01-31.jsonl.gz")
    .action(async ({ out }: { out: string }) => {
      const counts = await withDatabase((database) => backupDatabase(database, out));
      process.stdout.write(`Backed up to ${out}:\n${report(counts)}\n`);
    });
  program
    .command("restore")
    .description(
      "replace ALL data with a backup's, in one transaction (nothing changes if it fails)",
    )
    .requiredOption("--from <file>", "backup file made by `ladder backup`")
    .requiredOption("--yes", "confirm that the current data will be replaced")
    .action(async ({ from }: { from: string }) => {
      const counts = await withDatabase((database) => restoreDatabase(database, from));
      process.stdout.write(`Restored from ${from}:\n${report(counts)}\n`);
    });
}
