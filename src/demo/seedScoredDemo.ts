/**
 * A demo base as a first-time user should meet it: loaded, scored by an analytics refresh, and
 * with the proposal engine's suggestions waiting in the inbox — so the dashboard, the analytics
 * and the ladder board have something to show from the first page.
 */
import { refreshScores } from "../server/analytics/refreshScores.js";
import { runProposalEngine } from "../server/proposals/runProposalEngine.js";
import { seedDemo, type SeedDemoOptions, type SeedDemoResult } from "./seedDemo.js";

export async function seedScoredDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const seeded = await seedDemo(options);
  const { database } = options;
  await refreshScores({ database, asOf: seeded.asOf });
  await runProposalEngine({
    db: database.db,
    asOf: seeded.asOf,
    concurrency: database.kind === "postgres" ? 2 : 1,
  });
  return seeded;
}
