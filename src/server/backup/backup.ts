/**
 * Logical backup and restore that work the same on PGlite and PostgreSQL: every table is read
 * in primary-key order in bounded batches and written as JSON lines (gzip), and restored in one
 * transaction with `jsonb_populate_recordset`, so types round-trip exactly and a failed restore
 * changes nothing. The file records the schema's migration count; restoring into a different
 * schema version is refused.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createGunzip, createGzip } from "node:zlib";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { listTables, type TableInfo } from "./tables.js";

const BATCH = 5000;
const FORMAT = "ladder-backup/1";

interface Header {
  format: string;
  migrations: number;
  createdAt: string;
  tables: string[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function migrationCount(database: Database): Promise<number> {
  const { rows } = await database.pool.query(
    `select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return rows[0].n as number;
}

/** Writes every table to `file`; returns the row count per table. */
export async function backupDatabase(
  database: Database,
  file: string,
  onProgress?: (table: string, rows: number) => void,
) {
  const tables = await listTables(database.db);
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = async (line: string) => {
    if (!gzip.write(line + "\n")) await once(gzip, "drain");
  };
  const header: Header = {
    format: FORMAT,
    migrations: await migrationCount(database),
    createdAt: new Date().toISOString(),
    tables: tables.map((t) => t.name),
  };
  await write(JSON.stringify(header));
  const counts: Record<string, number> = {};
  for (const table of tables) {
    await write(JSON.stringify({ table: table.name }));
    let count = 0;
    for await (const rows of readInBatches(database, table)) {
      for (const row of rows) await write(row);
      count += rows.length;
      onProgress?.(table.name, count);
    }
    counts[table.name] = count;
  }
  gzip.end();
  await once(out, "finish");
  return counts;
}

/**
 * Keyset batches in primary-key order, each a short statement. Rows leave the database as JSON
 * text, so nothing (microseconds, numerics) passes through JavaScript types on the way.
 */
async function* readInBatches(database: Database, table: TableInfo) {
  const key = table.primaryKey.map(ident).join(", ");
  let last: unknown[] | null = null;
  for (;;) {
    const after = last ? `where (${key}) > (${last.map((_, i) => `$${i + 1}`).join(", ")})` : "";
    const { rows } = await database.pool.query<{ j: string }>(
      `select to_jsonb(t)::text as j from ${ident(table.name)} t ${after} order by ${key} limit ${BATCH}`,
      last ?? [],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.j);
    const tail = JSON.parse(rows[rows.length - 1]!.j) as Record<string, unknown>;
    last = table.primaryKey.map((column) => tail[column]);
    if (rows.length < BATCH) return;
  }
}

/** Replaces all data with the backup's, in one transaction; refuses a backup of another schema version. */
export async function restoreDatabase(
  database: Database,
  file: string,
  onProgress?: (table: string, rows: number) => void,
) {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? null : (JSON.parse(first.value) as Header);
  if (header?.format !== FORMAT) throw new Error(`${file} is not a Ladder backup`);
  const migrations = await migrationCount(database);
  if (header.migrations !== migrations) {
    throw new Error(
      `The backup was made at schema version ${header.migrations}; this database is at ${migrations}. Restore with the matching Ladder version.`,
    );
  }
  const tables = await listTables(database.db);
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table audit_log disable trigger user`));
    await tx.execute(
      sql.raw(`truncate ${tables.map((t) => ident(t.name)).join(", ")} restart identity cascade`),
    );
    let table: string | null = null;
    let batch: unknown[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await tx.execute(sql`insert into ${sql.identifier(table)} overriding system value
        select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(batch)}::jsonb)`);
      const count = (counts[table] ?? 0) + batch.length;
      counts[table] = count;
      onProgress?.(table, count);
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const record = JSON.parse(next.value) as Record<string, unknown>;
      if (typeof record.table === "string" && Object.keys(record).length === 1) {
        await flush();
        table = record.table;
        if (!tables.some((t) => t.name === table))
          throw new Error(`The backup has a table this schema lacks: ${table}`);
        continue;
      }
      batch.push(record);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await tx.execute(sql.raw(`alter table audit_log enable trigger user`));
    // Identity sequences continue after the restored ids.
    await tx.execute(
      sql.raw(`
      do $$ declare r record; begin
        for r in select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
                 from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and a.attidentity <> '' loop
          execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', r.seq, r.col, r.tbl);
        end loop;
      end $$`),
    );
  });
  return counts;
}
