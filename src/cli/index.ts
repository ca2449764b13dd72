#!/usr/bin/env node
/** `ladder`: serve, users, import/export, demo data, backups and analytics from the command line. */
import { Command } from "commander";
import { registerServeCommand } from "./commands/serve.js";
import { registerUserCommand } from "./commands/user.js";
import { registerBackupCommands } from "./commands/backup.js";
import { registerAnalyzeCommand } from "./commands/analyze.js";
import { registerClvCommand } from "./commands/clv.js";
import { registerRfmCommand } from "./commands/rfm.js";
import { registerAbcCommand } from "./commands/abc.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerImportCommand } from "./commands/import.js";
import { registerExportCommand } from "./commands/export.js";
import { registerProposalsCommand } from "./commands/proposals.js";

const program = new Command()
  .name("ladder")
  .description("Ladder CRM: discover needs, deliver value, upgrade the relationship")
  .showHelpAfterError();

for (const register of [
  registerServeCommand,
  registerUserCommand,
  registerBackupCommands,
  registerAnalyzeCommand,
  registerProposalsCommand,
  registerClvCommand,
  registerRfmCommand,
  registerAbcCommand,
  registerDemoCommand,
  registerImportCommand,
  registerExportCommand,
]) {
  register(program);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`ladder: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
