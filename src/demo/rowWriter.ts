/**
 * Writes generated rows into the database in bounded statements, the fastest way each engine
 * allows:
 * - PostgreSQL: COPY … FROM STDIN through pg-copy-streams.
 * - PGlite: COPY FROM STDIN is not available through its wire protocol (PGlite 0.5 aborts the
 *   whole embedded instance on it — it only copies from its in-memory `/dev/blob` device, which
 *   the pg-compatible pool cannot reach), so rows go in as `INSERT … SELECT FROM unnest(…)`
 *   with one text array per column, cast to the column's type. Each statement carries a few
 *   thousand rows so the single connection is never held for long.
 * Ids come from the generator: COPY writes identity columns as given, INSERT needs
 * OVERRIDING SYSTEM VALUE.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import type { Database } from "../server/db/client.js";
import { from as copyFrom } from "pg-copy-streams";
import { columnTexts, copyTextLines } from "./copyText.js";
import type { Row, TableSpec } from "./rows.js";

export interface RowWriter {
  /** Writes the rows (in statements of bounded size); resolves to how many were written. */
  write(spec: TableSpec, rows: readonly Row[]): Promise<number>;
}

/** Rows per COPY on a server: large enough to stream fast, small enough to keep memory flat. */
const COPY_ROWS = 20_000;
/** Rows per INSERT on PGlite: about a tenth of a second of work. */
const INSERT_ROWS = 2_000;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** A writer on one checked-out client (PGlite has only one: never hold a second). */
export function createRowWriter(kind: "pglite" | "postgres", client: pg.PoolClient): RowWriter {
  return kind === "postgres" ? new CopyWriter(client) : new UnnestWriter(client);
}

/**
 * Runs `work` in one transaction on one checked-out client, released right after. With
 * `skipChecks`, foreign-key checks are off for the transaction (see loadCustomers.ts).
 */
export async function withRowWriter(
  database: Database,
  options: { skipChecks: boolean },
  work: (writer: RowWriter, client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query("BEGIN");
    if (options.skipChecks) await client.query("SET LOCAL session_replication_role = replica");
    await work(createRowWriter(database.kind, client), client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

class CopyWriter implements RowWriter {
  constructor(private readonly client: pg.PoolClient) {}

  async write(spec: TableSpec, rows: readonly Row[]): Promise<number> {
    for (let start = 0; start < rows.length; start += COPY_ROWS) {
      const slice = rows.slice(start, start + COPY_ROWS);
      const columns = spec.columns.map(quote).join(", ");
      const copy = this.client.query(copyFrom(`COPY ${quote(spec.table)} (${columns}) FROM STDIN`));
      // Encode a thousand rows at a time so the text never doubles the batch in memory.
      await pipeline(Readable.from(encodeInPieces(spec, slice)), copy);
    }
    return rows.length;
  }
}

function* encodeInPieces(spec: TableSpec, rows: readonly Row[]): Generator<string> {
  for (let start = 0; start < rows.length; start += 1_000) {
    yield copyTextLines(spec, rows.slice(start, start + 1_000));
  }
}

class UnnestWriter implements RowWriter {
  private readonly columnTypes = new Map<string, Map<string, string>>();

  constructor(private readonly client: pg.PoolClient) {}

  async write(spec: TableSpec, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const statement = await this.insertStatement(spec);
    for (let start = 0; start < rows.length; start += INSERT_ROWS) {
      await this.client.query(statement, columnTexts(spec, rows.slice(start, start + INSERT_ROWS)));
    }
    return rows.length;
  }

  /** `INSERT … SELECT u.c1::type, … FROM unnest($1::text[], …) AS u(c1, …)`, built once per table. */
  private async insertStatement(spec: TableSpec): Promise<string> {
    const types = await this.typesOf(spec.table);
    const casts = spec.columns.map((column, index) => {
      const type = types.get(column);
      if (!type) throw new Error(`${spec.table}.${column} does not exist`);
      return `u.c${index}::${type}`;
    });
    const params = spec.columns.map((_, index) => `$${index + 1}::text[]`);
    const aliases = spec.columns.map((_, index) => `c${index}`);
    const overriding = spec.columns.includes("id") ? " OVERRIDING SYSTEM VALUE" : "";
    return (
      `INSERT INTO ${quote(spec.table)} (${spec.columns.map(quote).join(", ")})${overriding} ` +
      `SELECT ${casts.join(", ")} FROM unnest(${params.join(", ")}) AS u(${aliases.join(", ")})`
    );
  }

  private async typesOf(table: string): Promise<Map<string, string>> {
    let types = this.columnTypes.get(table);
    if (!types) {
      const { rows } = await this.client.query<{ name: string; type: string }>(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [table],
      );
      types = new Map(rows.map((row) => [row.name, row.type]));
      this.columnTypes.set(table, types);
    }
    return types;
  }
}
