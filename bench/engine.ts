/**
 * The value-marketing engine at scale, on PostgreSQL: loads the demo base (100,000 customers by
 * default, from the demo generator), then prints
 *   - p50/p99 latency of GET /api/customers/:id/360 over a few hundred requests (target < 50 ms),
 *   - the proposal engine's wall time over every customer (target < 10 s),
 *   - EXPLAIN ANALYZE of the heavy queries.
 *
 *   npx tsx bench/engine.ts [customers] [requests]
 *
 * With DATABASE_URL, a scratch database is created on that server (and dropped afterwards);
 * without it, a throwaway cluster is started on loopback as the test suite does.
 */
import { randomBytes } from "node:crypto";
import { PgDialect } from "drizzle-orm/pg-core";
import { openDatabase, type Database } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { createContext } from "../src/server/createContext.js";
import { buildApp } from "../src/server/http/app.js";
import { createUser } from "../src/server/users/createUser.js";
import { seedDemo } from "../src/demo/seedDemo.js";
import { batchEnd, evidenceQuery } from "../src/server/ladder/evidence.repository.js";
import { startPostgresCluster } from "../test/support/postgresCluster.js";
import { runProposalEngine, ENGINE_BATCH_SIZE } from "../src/server/proposals/runProposalEngine.js";

const CUSTOMERS = Number(process.argv[2] ?? 100_000);
const REQUESTS = Number(process.argv[3] ?? 400);
const PASSWORD = "bench password 1";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** EXPLAIN ANALYZE with JIT off, as the engine runs its batches; prints the telling lines. */
async function explain(database: Database, label: string, text: string, params: unknown[]) {
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local jit = off");
    const { rows } = await client.query(`explain (analyze, buffers) ${text}`, params);
    await client.query("rollback");
    const lines = rows.map((r) => String(r["QUERY PLAN"]));
    console.log(`\n--- EXPLAIN ANALYZE: ${label}`);
    const telling = /Seq Scan|Index Scan|Execution Time|Planning Time/;
    for (const line of lines.filter((l) => telling.test(l)).slice(0, 20)) console.log(line);
  } finally {
    client.release();
  }
}

async function main() {
  const given = process.env.DATABASE_URL;
  const cluster = given ? null : await startPostgresCluster({ settings: ["shared_buffers=256MB"] });
  const serverUrl = given ?? cluster!.url;
  const name = `ladder_bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  await admin.pool.query(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), max: 10 });
  try {
    await migrateDatabase(database);
    let t = performance.now();
    const { counts } = await seedDemo({ database, customers: CUSTOMERS, seed: 42 });
    const how = Object.entries(counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(", ");
    console.log(
      `loaded ${CUSTOMERS} customers in ${((performance.now() - t) / 1000).toFixed(1)} s (${how})`,
    );

    t = performance.now();
    const cold = await runProposalEngine({ db: database.db, concurrency: 2 });
    console.log(
      `\nproposal engine, first run: ${(cold.ms / 1000).toFixed(2)} s (wall ${((performance.now() - t) / 1000).toFixed(2)} s) — scanned ${cold.scanned}, created ${cold.created}, held back ${cold.heldBack}`,
    );
    const warm = await runProposalEngine({ db: database.db, concurrency: 2 });
    console.log(
      `proposal engine, rerun:    ${(warm.ms / 1000).toFixed(2)} s — created ${warm.created}, refreshed ${warm.refreshed}, staled ${warm.staled}   (target < 10 s)`,
    );

    const context = await createContext(database);
    const app = await buildApp({ context });
    const user = await createUser({
      db: database.db,
      actor: null,
      input: { email: "bench@bench.local", name: "bench", password: PASSWORD, role: "admin" },
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "bench@bench.local", password: PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    void user;
    const { rows: ids } = await database.pool.query<{ id: number }>(
      `select id from customers order by random() limit ${REQUESTS + 50}`,
    );
    const get = (id: number) =>
      app.inject({ url: `/api/customers/${id}/360`, headers: { cookie } });
    for (const { id } of ids.slice(0, 50)) await get(id); // warm up
    const times: number[] = [];
    let bytes = 0;
    for (const { id } of ids.slice(50)) {
      const start = performance.now();
      const response = await get(id);
      times.push(performance.now() - start);
      if (response.statusCode !== 200)
        throw new Error(`360 answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
      bytes += response.body.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `\nGET /api/customers/:id/360 × ${times.length}: p50 ${ms(percentile(times, 0.5))}, p99 ${ms(percentile(times, 0.99))}, max ${ms(times.at(-1)!)}, mean body ${(bytes / times.length / 1024).toFixed(1)} KiB   (target < 50 ms)`,
    );
    await app.close();

    const dialect = new PgDialect();
    const afterId = Math.floor(CUSTOMERS / 2);
    const upToId = (await batchEnd(database.db, afterId, ENGINE_BATCH_SIZE)) ?? afterId;
    const batch = dialect.sqlToQuery(evidenceQuery({ kind: "range", afterId, upToId }, new Date()));
    await explain(
      database,
      `evidence of one engine batch (${ENGINE_BATCH_SIZE} customers)`,
      batch.sql,
      batch.params,
    );
    const one = dialect.sqlToQuery(evidenceQuery({ kind: "one", id: ids[0]!.id }, new Date()));
    await explain(
      database,
      "evidence of one customer (upgrade conditions, 360)",
      one.sql,
      one.params,
    );
  } finally {
    await database.close();
    const drop = await openDatabase({ url: serverUrl, max: 1 });
    await drop.pool.query(`drop database if exists ${name} with (force)`);
    await drop.close();
    cluster?.stop();
  }
}

await main();
