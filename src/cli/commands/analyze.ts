import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { refreshScores } from "../../server/analytics/refreshScores.js";
import { withDatabase } from "../cliContext.js";

export function registerAnalyzeCommand(program: Command): void {
  program
    .command("analyze")
    .description(
      "refresh ABC, RFM, BG/NBD + Gamma-Gamma CLV and life-cycle scores for the whole base",
    )
    .option("--as-of <date>", "score the base as of this date (default: now)")
    .option("--months <n>", "CLV horizon in months", "12")
    .option("--discount <rate>", "monthly discount rate", "0.01")
    .action(async (options: { asOf?: string; months: string; discount: string }) => {
      const asOf = options.asOf ? new Date(options.asOf) : new Date();
      if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of: not a date: ${options.asOf}`);
      const horizonMonths = Number(options.months);
      const monthlyDiscountRate = Number(options.discount);
      if (!Number.isInteger(horizonMonths) || horizonMonths < 1)
        throw new Error("--months: a whole number of months ≥ 1");
      if (!(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1))
        throw new Error("--discount: a rate between 0 and 1");
      const bar = new SingleBar(
        { format: "{phase} [{bar}] {value}/{total}", hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(1, 0, { phase: "read" });
      const result = await withDatabase((database) =>
        refreshScores({
          database,
          asOf,
          options: { horizonMonths, monthlyDiscountRate },
          onProgress: (phase, done, total) => {
            bar.setTotal(Math.max(total, 1));
            bar.update(done, { phase });
          },
        }),
      ).finally(() => bar.stop());
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    });
}
