import type { Command } from "commander";
import { runProposalEngine } from "../../server/proposals/runProposalEngine.js";
import { withActor } from "../cliContext.js";

/** The proposal engine on a schedule (cron) or by hand: it proposes, a person decides. */
export function registerProposalsCommand(program: Command): void {
  program
    .command("proposals")
    .description(
      "scan every customer for upgrades and downgrades the evidence supports, and file them as proposals to accept or reject (it never moves anyone)",
    )
    .option("--as-of <date>", "judge the evidence as of this date (default: now)")
    .option("--as <email>", "the user the run is recorded for (default: the first admin)")
    .action(async (options: { asOf?: string; as?: string }) => {
      const asOf = options.asOf ? new Date(options.asOf) : new Date();
      if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of: not a date: ${options.asOf}`);
      const run = await withActor(options.as, (context, actor) => {
        // the same rule as POST /api/proposals/run
        if (!(actor.role === "admin" || actor.role === "marketing_manager"))
          throw new Error(
            `a ${actor.role} may not run the proposal engine (admins and marketing managers may)`,
          );
        return runProposalEngine({
          db: context.database.db,
          asOf,
          concurrency: context.database.kind === "postgres" ? 2 : 1,
          actor,
        });
      });
      process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    });
}
