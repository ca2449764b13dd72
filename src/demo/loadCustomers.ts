/**
 * Streams generated customers into the database, one batch per transaction, generating the
 * next batch while the database stores the current one: the database (PGlite's worker thread
 * or the server process) and the generator (this thread) work at the same time. Generation
 * hands control back to the event loop every few customers so the database's replies are
 * handled promptly.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Database } from "../server/db/client.js";
import * as schema from "../server/db/schema.js";
import { refreshPurchaseSummaries } from "../server/transactions/purchaseSummaries.js";
import type { DemoData } from "./generateDemo.js";
import { CUSTOMER_TABLES, emptyCustomerBatch, TABLES, type CustomerBatch } from "./rows.js";
import { withRowWriter } from "./rowWriter.js";

/** Customers generated between two looks at the event loop. */
const SLICE = 20;

export interface LoadCustomersOptions {
  readonly database: Database;
  readonly demo: DemoData;
  readonly batchSize: number;
  /** Rows written per database table are added here. */
  readonly counts: Record<string, number>;
  readonly onBatch: (lastCustomer: number) => void;
}

/** Loads every customer batch of `demo`; see the module comment. */
export async function loadCustomers(options: LoadCustomersOptions): Promise<void> {
  const { database, demo, batchSize, counts } = options;
  const skipChecks = await mayDeferChecks(database.pool);
  const slices = demo.customerBatches(Math.min(SLICE, batchSize));
  let pending = nextBatch(slices, batchSize);
  for (;;) {
    const batch = await pending;
    if (!batch) return;
    pending = nextBatch(slices, batchSize);
    // A failed write must not leave the generator's promise rejected and unobserved.
    await withRowWriter(database, { skipChecks }, async (writer, client) => {
      for (const key of CUSTOMER_TABLES) {
        const table = TABLES[key].table;
        counts[table] = (counts[table] ?? 0) + (await writer.write(TABLES[key], batch[key]));
      }
      const buyers = [...new Set(batch.transactions.map((t) => t.customer_id))];
      await refreshPurchaseSummaries(drizzle(client, { schema }), buyers);
    }).catch(async (error: unknown) => {
      await pending.catch(() => undefined);
      throw error;
    });
    options.onBatch(batch.lastCustomer);
  }
}

type Slices = ReturnType<DemoData["customerBatches"]>;

/** Gathers whole slices into a batch of `size` customers (rounded up), yielding between slices. */
async function nextBatch(
  slices: Slices,
  size: number,
): Promise<(CustomerBatch & { lastCustomer: number }) | null> {
  const batch = emptyCustomerBatch();
  let lastCustomer = 0;
  while (batch.customers.length < size) {
    const slice = slices.next();
    if (slice.done) break;
    for (const key of CUSTOMER_TABLES) (batch[key] as unknown[]).push(...slice.value[key]);
    lastCustomer = slice.value.lastCustomer;
    await yieldToEventLoop();
  }
  return lastCustomer === 0 ? null : Object.assign(batch, { lastCustomer });
}

/**
 * Whether the load may skip foreign-key checks (session_replication_role = replica, as
 * pg_restore --disable-triggers does): the generator guarantees the references, and the checks
 * cost a third of the load. Only for a superuser (the embedded database always is), and only
 * while the loaded tables have no triggers of their own, which replica mode would skip too.
 */
async function mayDeferChecks(pool: pg.Pool): Promise<boolean> {
  const tables = CUSTOMER_TABLES.map((key) => TABLES[key].table);
  const { rows } = await pool.query<{ superuser: boolean; triggers: number }>(
    `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT count(*)::int FROM pg_trigger
             WHERE NOT tgisinternal AND tgrelid = ANY($1::text[]::regclass[])) AS triggers`,
    [tables],
  );
  const row = rows[0];
  return row !== undefined && row.superuser && row.triggers === 0;
}
