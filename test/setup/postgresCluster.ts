/**
 * Vitest global setup of the "postgres" project: a throwaway cluster with a migrated template
 * database that every test file clones (see test/support/testDatabase.ts).
 */
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/server/db/client.js";
import { migrateDatabase } from "../../src/server/db/migrate.js";
import { startPostgresCluster } from "../support/postgresCluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const admin = await openDatabase({ url: cluster.url, max: 1 });
  await admin.pool.query("CREATE DATABASE ladder_template");
  await admin.close();
  const template = await openDatabase({
    url: cluster.url.replace(/\/postgres$/, "/ladder_template"),
    max: 1,
  });
  await migrateDatabase(template);
  await template.close();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
