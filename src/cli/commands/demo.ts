import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { seedScoredDemo } from "../../demo/seedScoredDemo.js";
import { withDatabase } from "../cliContext.js";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "REPLACE all data with a generated demo base (deterministic by seed), scored and with proposals",
    )
    .option("--customers <n>", "how many customers", "2000")
    .option("--seed <s>", "random seed: the same seed and size give the same data", "1")
    .option("--password <p>", "password of the demo users")
    .action(async (options: { customers: string; seed: string; password?: string }) => {
      const customers = Number(options.customers);
      const seed = Number(options.seed);
      if (!Number.isInteger(customers) || customers < 1 || customers > 10_000_000)
        throw new Error("--customers: a whole number from 1 to 10,000,000");
      if (!Number.isInteger(seed)) throw new Error("--seed: a whole number");
      const bar = new SingleBar(
        { format: "{phase} [{bar}] {value}/{total}", hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(customers, 0, { phase: "reset" });
      const result = await withDatabase((database) =>
        seedScoredDemo({
          database,
          customers,
          seed,
          ...(options.password ? { adminPassword: options.password } : {}),
          onProgress: (phase, done, total) => {
            bar.setTotal(Math.max(total, 1));
            bar.update(done, { phase });
          },
        }),
      ).finally(() => bar.stop());
      const counts = Object.entries(result.counts)
        .map(([table, n]) => `  ${table}: ${n}`)
        .join("\n");
      process.stdout.write(
        `Demo data loaded:\n${counts}\nLog in as ${result.adminEmail} / ${result.adminPassword}\n`,
      );
    });
}
