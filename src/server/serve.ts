/**
 * Starts Ladder: opens and migrates the database, seeds demo data when it creates a new
 * embedded database, serves API and web app, and shuts down gracefully on SIGINT/SIGTERM.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import { createContext } from "./createContext.js";
import { buildApp } from "./http/app.js";
import { seedScoredDemo } from "../demo/seedScoredDemo.js";
import { recoverInterruptedImports } from "./imports/recoverInterruptedImports.js";
import { recoverInterruptedRuns } from "./analytics/refreshScores.js";

export const DEMO_CUSTOMERS = 2000;

export async function serve(): Promise<void> {
  const config = readConfig();
  const freshEmbedded = !config.databaseUrl && !existsSync(join(config.dataDir, "PG_VERSION"));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  // Work a killed process left half-done is removed, so it can simply be run again.
  await recoverInterruptedImports(database);
  await recoverInterruptedRuns(database.db);
  let demoLogin: { adminEmail: string; adminPassword: string } | null = null;
  if (freshEmbedded) {
    process.stdout.write(
      `New embedded database in ${config.dataDir}: loading and scoring ${DEMO_CUSTOMERS} demo customers…\n`,
    );
    demoLogin = await seedScoredDemo({ database, customers: DEMO_CUSTOMERS, seed: 1 });
  }
  const context = await createContext(database);
  const app = await buildApp({ context, logger: { level: config.logLevel } });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await app.close(); // finishes in-flight requests
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  process.stdout.write(`\nLadder is running at ${url}  (API docs: ${url}/api/docs)\n`);
  process.stdout.write(
    `Database: ${database.kind === "pglite" ? `embedded, in ${config.dataDir}` : "PostgreSQL server"}\n`,
  );
  if (demoLogin)
    process.stdout.write(`Demo login: ${demoLogin.adminEmail} / ${demoLogin.adminPassword}\n\n`);
}
