/**
 * The PostgreSQL-server path: one transaction on one connection, rows COPYed straight into
 * their table chunk by chunk while the file is still being read, committed together with
 * the import's record and its audit row. Other connections serve interactive requests
 * meanwhile and see nothing until the commit; a failure, or the process dying, rolls it all
 * back. A session advisory lock on the import's id tells recovery in another process that
 * this import is still alive.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import * as schema from "../db/schema.js";
import type { Db } from "../db/client.js";
import { copyFrom, copyPayload } from "./copyIn.js";
import { TARGETS } from "./importTargets.js";
import type { ImportKind, ImportRowError } from "./imports.schema.js";
import type { CheckedRow } from "./importChecks.js";
import { ImportRowFailure } from "./importFile.js";

/** First key of the advisory locks held by running imports (the second is the import id). */
export const IMPORT_LOCK_CLASS = 0x1add;

export interface DirectSession {
  client: pg.PoolClient;
  tx: Db;
}

/** Takes a connection, the import's advisory lock and a transaction; `work` runs inside. */
export async function withImportTransaction<T>(
  pool: pg.Pool,
  importId: number,
  work: (session: DirectSession) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("select pg_advisory_lock($1, $2)", [IMPORT_LOCK_CLASS, importId]);
    await client.query("begin");
    // The purchase-summary refresh at the end sorts every touched customer's purchases: let
    // it do so in memory rather than spill to disk at the default work_mem.
    await client.query("set local work_mem = '256MB'");
    try {
      const result = await work({ client, tx: drizzle(client, { schema }) as unknown as Db });
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      await client
        .query("select pg_advisory_unlock($1, $2)", [IMPORT_LOCK_CLASS, importId])
        .catch(() => {
          broken = true;
        });
    }
  } finally {
    // A connection in an unknown state is closed rather than handed to the next request.
    client.release(broken ? new Error("import connection left in an unknown state") : undefined);
  }
}

/** Draws `count` ids from a table's identity sequence. */
async function drawIds(tx: Db, table: string, count: number): Promise<number[]> {
  const { rows } = await tx.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${count})`,
  );
  return rows.map((row) => Number(row.id));
}

/** Which line a refused row came from, when the database names its key. */
function explain(error: unknown, rows: readonly CheckedRow[]): ImportRowError | null {
  const pg = error as { code?: string; detail?: string };
  const key = /^Key \((\w+)\)=\((.*)\) (?:already exists|is not present)/.exec(pg.detail ?? "");
  if (pg.code === "23505" && key?.[1] === "external_ref") {
    const row = [...rows].reverse().find((r) => r.externalRef === key[2]);
    if (row)
      return {
        line: row.line,
        field: "externalRef",
        message: `reference ${key[2]} was saved by someone else meanwhile`,
      };
  }
  if (pg.code === "23503" && key?.[1] === "customer_id") {
    const row = rows.find((r) => String(r.customerId) === key[2]);
    if (row)
      return {
        line: row.line,
        field: "customerRef",
        message: "the customer was removed meanwhile",
      };
  }
  return null;
}

/**
 * A chunk ready for COPY. Transactions and contacts carry their payload, built while the
 * previous chunk is still being written; customers need ids from the database first.
 */
export interface PreparedChunk {
  rows: readonly CheckedRow[];
  payload: Buffer | null;
}

/** Builds the COPY payload of a chunk when nothing in it waits for the database. */
export function prepareChunk(kind: ImportKind, rows: readonly CheckedRow[]): PreparedChunk {
  if (kind === "customers" || rows.length === 0) return { rows, payload: null };
  // In customer order, the foreign-key checks and the (customer_id, occurred_at) index
  // touch their pages in sequence rather than at random.
  const ordered = [...rows].sort((a, b) => a.customerId! - b.customerId!);
  return { rows, payload: copyPayload(ordered.map((row) => row.values)) };
}

/** COPYs one prepared chunk into the kind's table (customers with their first stage event). */
export async function copyChunk(
  session: DirectSession,
  kind: ImportKind,
  { rows, payload }: PreparedChunk,
  actorId: number,
): Promise<void> {
  if (rows.length === 0) return;
  const target = TARGETS[kind];
  const columns = target.columns.map((column) => column.name);
  try {
    if (payload) {
      await copyFrom(session.client, target.table, columns, payload);
      return;
    }
    // Customers need their ids for the stage events: draw them first (COPY writes given
    // values even into a GENERATED ALWAYS identity column).
    const ids = await drawIds(session.tx, target.table, rows.length);
    await copyFrom(
      session.client,
      target.table,
      ["id", ...columns],
      copyPayload(rows.map((row, i) => [ids[i], ...row.values])),
    );
    const stageColumn = columns.indexOf("stage");
    await copyFrom(
      session.client,
      "stage_events",
      ["customer_id", "to_stage", "reason", "actor_id"],
      copyPayload(rows.map((row, i) => [ids[i], row.values[stageColumn], "imported", actorId])),
    );
  } catch (error) {
    const rowError = explain(error, rows);
    if (rowError) throw new ImportRowFailure(rowError);
    throw error;
  }
}
