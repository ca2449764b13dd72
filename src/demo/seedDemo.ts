/**
 * Loads a demo customer base: resets all data, then streams the generator's rows in batches of
 * customers, each batch one short transaction (so on PGlite the single connection is free
 * between batches and the server stays responsive), with its purchase summaries refreshed in
 * the same transaction. Memory stays flat whatever the size: only one batch exists at a time.
 *
 * Ids: the generator assigns every id itself (customers 1…n, the rest counted per table) so
 * rows can point at each other before they are stored; COPY writes them as given and INSERT
 * uses OVERRIDING SYSTEM VALUE. Afterwards each identity sequence is moved past the last id,
 * so rows created later through the application continue from there.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import type { Database } from "../server/db/client.js";
import * as schema from "../server/db/schema.js";
import { hashPassword } from "../server/auth/password.js";
import { recordAudit } from "../server/audit/recordAudit.js";
import { generateDemo, type DemoData } from "./generateDemo.js";
import { resetDemoData } from "./resetData.js";
import { loadCustomers } from "./loadCustomers.js";
import { withRowWriter } from "./rowWriter.js";
import { TABLES, type Row, type TableSpec } from "./rows.js";
import { ADMIN_EMAIL } from "./staff.js";

/** The demo password of every demo user unless the caller chooses one. */
export const DEFAULT_DEMO_PASSWORD = "ladder-demo";

export type SeedPhase = "reset" | "reference" | "customers" | "finish";

export interface SeedDemoOptions {
  readonly database: Database;
  /** How many customers to generate (1 to a few million). */
  readonly customers: number;
  /** Any integer: the same seed, size and `asOf` load the same data. */
  readonly seed: number;
  /** Password of the admin and of every other demo user; defaults to DEFAULT_DEMO_PASSWORD. */
  readonly adminPassword?: string;
  /** The demo's "today"; defaults to the start of the current UTC day. */
  readonly asOf?: Date;
  /** Called as work progresses, e.g. to draw a progress bar. */
  readonly onProgress?: (phase: SeedPhase, done: number, total: number) => void;
  /** Customers per transaction; defaults to a size that keeps each PGlite statement short. */
  readonly batchSize?: number;
}

export interface SeedDemoResult {
  readonly adminEmail: string;
  readonly adminPassword: string;
  /** Rows loaded per table (database table names). */
  readonly counts: Record<string, number>;
  readonly asOf: Date;
}

// On PGlite a batch holds the only connection: about a third of a second of work at a time.
const DEFAULT_BATCH = { pglite: 150, postgres: 2_000 } as const;

/** Replaces all data with a generated demo base; see the module comment for how. */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const { database, onProgress } = options;
  const adminPassword = options.adminPassword ?? DEFAULT_DEMO_PASSWORD;
  // One scrypt hash shared by all demo users: hashing hundreds would cost more than the load.
  const passwordHash = await hashPassword(adminPassword);
  const demo = generateDemo({
    seed: options.seed,
    customers: options.customers,
    asOf: options.asOf,
    passwordHash,
  });
  const counts: Record<string, number> = {};
  const count = (spec: TableSpec, written: number) => {
    counts[spec.table] = (counts[spec.table] ?? 0) + written;
  };

  onProgress?.("reset", 0, 1);
  await resetDemoData(database.pool);
  onProgress?.("reset", 1, 1);

  onProgress?.("reference", 0, 1);
  await withRowWriter(database, { skipChecks: false }, async (writer) => {
    const { staff, reference } = demo;
    const write = async (spec: TableSpec, rows: readonly Row[]) =>
      count(spec, await writer.write(spec, rows));
    await write(TABLES.teams, staff.teams);
    await write(TABLES.users, staff.users);
    await write(TABLES.valueItems, reference.valueItems);
    await write(TABLES.segments, reference.segments);
    await write(TABLES.interactionPlans, reference.interactionPlans);
    await write(TABLES.needs, reference.segmentNeeds);
    await write(TABLES.researchNotes, reference.segmentResearchNotes);
  });
  onProgress?.("reference", 1, 1);

  const batchSize = options.batchSize ?? DEFAULT_BATCH[database.kind];
  onProgress?.("customers", 0, options.customers);
  await loadCustomers({
    database,
    demo,
    batchSize,
    counts,
    onBatch: (lastCustomer) => onProgress?.("customers", lastCustomer, options.customers),
  });

  onProgress?.("finish", 0, 1);
  await finish(database, demo, options);
  onProgress?.("finish", 1, 1);
  return { adminEmail: ADMIN_EMAIL, adminPassword, counts, asOf: new Date(demo.asOf) };
}

/** Moves identity sequences past the ids used, records the seed in the audit log, analyses. */
async function finish(database: Database, demo: DemoData, options: SeedDemoOptions): Promise<void> {
  const lastIds = new Map<string, number>([
    ["teams", demo.staff.teams.length],
    ["users", demo.staff.users.length],
    ["value_items", demo.reference.valueItems.length],
    ["segments", demo.reference.segments.length],
    ["interaction_plans", demo.reference.interactionPlans.length],
    ["customers", options.customers],
    ...demo.ids.lastIds(),
  ]);
  await withRowWriter(database, { skipChecks: false }, async (_writer, client) => {
    for (const [table, last] of lastIds) {
      // setval(…, 1, false) leaves an unused sequence where a fresh one starts.
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2, $3)`, [
        table,
        Math.max(last, 1),
        last > 0,
      ]);
    }
    await recordAudit(drizzle(client, { schema }), {
      actor: { id: demo.staff.adminId },
      action: "seed_demo",
      entity: "demo",
      after: {
        seed: options.seed,
        customers: options.customers,
        asOf: new Date(demo.asOf).toISOString(),
      },
    });
  });
  // Fresh statistics, so the first queries on the new data get sensible plans.
  for (const table of [
    ...new Set(Object.values(TABLES).map((spec) => spec.table)),
    "purchase_summaries",
  ]) {
    await database.pool.query(`ANALYZE "${table}"`);
  }
}
