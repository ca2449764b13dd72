/**
 * Runs a query as a named (prepared) statement when given the database itself: PostgreSQL
 * parses and plans it once per connection instead of on every call. Worth it for the small,
 * fixed-shape queries of a page view whose planning costs more than their run. Inside a
 * transaction (no pool at hand) it runs as an ordinary query.
 */
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Queryable } from "../db/client.js";

const dialect = new PgDialect();

export async function executeNamed<T>(db: Queryable, name: string, query: SQL): Promise<T[]> {
  // Drizzle exposes the driver client of a database (not of a transaction) as `$client`.
  const pool = (db as { $client?: pg.Pool }).$client;
  if (!pool) return (await db.execute(query)).rows as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await pool.query({ name, text, values: params })).rows as T[];
}
