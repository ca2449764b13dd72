/**
 * Long work on the embedded database, politely. PGlite has one connection; a pool of one hands
 * it out first come, first served, so a bulk job issuing statement after statement would sit
 * between every query of an interactive request (a customer read is three or four queries:
 * session, access, row, audit) and each of them would wait a whole job statement.
 *
 * A courteous handle waits, before each statement, until the connection has been free for a
 * moment: anyone queued goes first, and a request between two of its queries gets to send the
 * next. It never waits longer than MAX_WAIT_MS, so the job still moves under steady load.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import * as schema from "../db/schema.js";
import type { Database, Db } from "../db/client.js";

/** How long the connection must have been free before the job's next statement. */
export const QUIET_MS = 2;
/** The longest a statement waits for its turn. */
export const MAX_WAIT_MS = 100;

const isFree = (pool: pg.Pool) => pool.waitingCount === 0 && pool.idleCount > 0;

/** Resolves once the pool has been free for QUIET_MS (or MAX_WAIT_MS have passed). */
export async function waitForQuiet(pool: pg.Pool): Promise<void> {
  const start = performance.now();
  let quietSince = isFree(pool) ? start : Number.POSITIVE_INFINITY;
  for (;;) {
    const now = performance.now();
    if (now - quietSince >= QUIET_MS || now - start >= MAX_WAIT_MS) return;
    await sleep(1);
    if (!isFree(pool)) quietSince = Number.POSITIVE_INFINITY;
    else if (quietSince === Number.POSITIVE_INFINITY) quietSince = performance.now();
  }
}

/**
 * A Drizzle handle for long jobs: on the embedded database every statement first waits for
 * quiet (transactions still take the connection at once); on a server it is the plain handle.
 */
export function courteousDb(database: Database): Db {
  if (database.kind !== "pglite") return database.db;
  const pool = database.pool;
  const query = async (...args: Parameters<pg.Pool["query"]>) => {
    await waitForQuiet(pool);
    return (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
  };
  const polite = new Proxy(pool, {
    get(target, property) {
      if (property === "query") return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function"
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return drizzle(polite, { schema });
}
