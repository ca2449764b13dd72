/**
 * Opens Ladder's database: a PostgreSQL server when a URL is given, otherwise the embedded
 * PGlite (persisted in a folder, or in memory for tests). Both are reached through one
 * `pg.Pool`, so every query, transaction and migration is the same code on either.
 */
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import type { PGlite } from "@electric-sql/pglite";
import * as schema from "./schema.js";
import { PgliteRemote } from "./pgliteRemote.js";
import { lockDataDir } from "./dataDirLock.js";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; every write takes one explicitly. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction: for reads that may run inside one. */
export type Queryable = Db | Tx;

export interface Database {
  kind: "pglite" | "postgres";
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server. */
  url?: string | undefined;
  /** Folder of the embedded database, or "memory://" for a throwaway one. */
  dataDir?: string | undefined;
  /** Pool size on a server. */
  max?: number;
}

// bigint columns (counts, cents) come back as JS numbers: our values stay below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
    pool.on("error", () => undefined); // idle-client errors surface on the next query instead
    await pool.query("select 1");
    return { kind: "postgres", pool, db: drizzle(pool, { schema }), close: () => pool.end() };
  }

  const dataDir = options.dataDir ?? "./data";
  const release = dataDir.startsWith("memory://") ? () => undefined : lockDataDir(dataDir);
  const remote = new PgliteRemote(dataDir);
  try {
    await remote.waitReady;
  } catch (error) {
    release();
    await remote.close();
    throw error;
  }
  const config = createPgConfig(remote as unknown as PGlite);
  // Drizzle hands pg a query whose `types` is a type-parser object, not the array of parameter
  // type ids that the Parse message carries. pg's own serializer ignores it; PGlite's adapter
  // writes a malformed Parse and waits forever. Send only a real array.
  const connection = config.connection as unknown as { parse(query: { types?: unknown }): void };
  const parse = connection.parse.bind(connection);
  connection.parse = (query) =>
    parse({ ...query, types: Array.isArray(query.types) ? query.types : [] });
  const pool = new pg.Pool({ ...config, max: 1, idleTimeoutMillis: 0 });
  return {
    kind: "pglite",
    pool,
    db: drizzle(pool, { schema }),
    async close() {
      await pool.end();
      await remote.close();
      release();
    },
  };
}
