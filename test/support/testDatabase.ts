/**
 * A migrated database for one integration test file, on whichever engine the running test
 * project names: PGlite in memory, or a fresh clone of the migrated template on the cluster.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/server/db/client.js";
import { migrateDatabase } from "../../src/server/db/migrate.js";

export const testEngine = (): "pglite" | "postgres" =>
  process.env.LADDER_TEST_DB === "postgres" ? "postgres" : "pglite";

export async function openTestDatabase(): Promise<Database> {
  if (testEngine() === "pglite") {
    const database = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    return database;
  }
  const adminUrl = inject("postgresUrl");
  const name = `ladder_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url: adminUrl, max: 1 });
  await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE ladder_template`);
  await admin.close();
  const database = await openDatabase({ url: adminUrl.replace(/\/postgres$/, `/${name}`), max: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const drop = await openDatabase({ url: adminUrl, max: 1 });
      await drop.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.close();
    },
  };
}
