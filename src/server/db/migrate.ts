import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client.js";

/** The SQL migrations ship beside the sources (and are copied beside the build). */
export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Brings the schema up to date; safe to run on every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder });
}
