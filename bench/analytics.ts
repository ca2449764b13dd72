/**
 * Analytics at scale: loads a synthetic base whose purchases follow the BG/NBD process, then
 * times each phase of the analytics: the set-based purchase-summary build, the model fits alone,
 * and a full refresh (read, score, write, publish).
 *
 *   npx tsx bench/analytics.ts                       # PostgreSQL 1M/10M, PGlite 100k/1M
 *   npx tsx bench/analytics.ts --pg 100000 --pglite 0 # smaller runs
 *   DATABASE_URL=… npx tsx bench/analytics.ts --pglite 0 --reuse  # again on a loaded base
 *
 * PostgreSQL is a throwaway cluster on loopback (or DATABASE_URL); PGlite runs in memory.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { refreshPurchaseSummaries } from "../src/server/transactions/purchaseSummaries.js";
import { refreshScores } from "../src/server/analytics/refreshScores.js";
import { readScoringInputs } from "../src/server/analytics/scoringInputs.js";
import { historyOf } from "../src/analytics/scoreBase.js";
import { fitBgNbd } from "../src/analytics/clv/bgnbd.js";
import { fitGammaGamma } from "../src/analytics/clv/gammaGamma.js";
import { randomGamma, seededRandom } from "../src/analytics/clv/simulate.js";
import { toDay } from "../src/analytics/units.js";
import { startPostgresCluster } from "../test/support/postgresCluster.js";

const { values } = parseArgs({
  options: {
    pg: { type: "string", default: "1000000" },
    pglite: { type: "string", default: "100000,1000000" },
    // with DATABASE_URL: time the analytics again on a base an earlier run loaded there
    reuse: { type: "boolean", default: false },
  },
});
const AS_OF = new Date("2025-06-30T00:00:00Z");
const AS_OF_DAY = toDay(AS_OF);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

/**
 * Customers' purchase days drawn from BG/NBD per day: λ ~ Gamma(2, 40) (one purchase every
 * ~20 days), p ~ Beta(1, 9) (about ten purchases before dropping out), first purchase 60–900
 * days before the as-of date. About ten transactions per customer.
 */
function* purchaseBatches(customers: number, batch: number, firstId: number) {
  const random = seededRandom(7);
  let ids: number[] = [];
  let days: number[] = [];
  let amounts: number[] = [];
  for (let c = 0; c < customers; c++) {
    const id = firstId + c;
    const T = Math.floor(60 + 840 * random());
    const lambda = randomGamma(2, random) / 40;
    const ga = randomGamma(1, random);
    const p = ga / (ga + randomGamma(9, random));
    const spend = 2000 + Math.floor(randomGamma(3, random) * 3000);
    let t = 0;
    for (;;) {
      ids.push(id);
      days.push(AS_OF_DAY - T + Math.floor(t));
      amounts.push(Math.max(100, Math.round(spend * (0.5 + random()))));
      if (random() < p) break;
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
    }
    if (ids.length >= batch) {
      yield { ids, days, amounts };
      ids = [];
      days = [];
      amounts = [];
    }
  }
  if (ids.length) yield { ids, days, amounts };
}

async function load(database: Database, customers: number) {
  const started = performance.now();
  const { db } = database;
  const [owner] = (
    await db.execute<{ id: number }>(
      sql`insert into users (email, name, password_hash, role) values ('bench@ladder.local', 'bench', 'x', 'account_manager') returning id`,
    )
  ).rows;
  for (let done = 0; done < customers; done += 100_000) {
    const n = Math.min(100_000, customers - done);
    await db.execute(
      sql`insert into customers (kind, name, owner_id, stage) select 'organization', '基准客户' || g, ${owner!.id}, 'old' from generate_series(${done + 1}::int, ${done + n}::int) g`,
    );
  }
  const [first] = (await db.execute<{ id: number }>(sql`select min(id)::int as id from customers`))
    .rows;
  let transactions = 0;
  for (const b of purchaseBatches(customers, 50_000, first!.id)) {
    await db.execute(sql`insert into transactions (customer_id, occurred_at, amount_cents, cost_cents)
      select id, timestamptz '1970-01-01 09:00Z' + day * interval '1 day', amount, amount / 5
      from unnest(${sql.param(b.ids)}::bigint[], ${sql.param(b.days)}::int[], ${sql.param(b.amounts)}::bigint[]) as t(id, day, amount)`);
    transactions += b.ids.length;
  }
  return { transactions, seconds: seconds(started) };
}

async function bench(label: string, database: Database, customers: number) {
  await migrateDatabase(database);
  const [present] = (
    await database.db.execute<{ n: number }>(sql`select count(*)::int as n from customers`)
  ).rows;
  if (values.reuse && present!.n === customers) {
    console.log(`\n${label}: ${customers.toLocaleString()} customers already loaded`);
  } else {
    const loaded = await load(database, customers);
    console.log(
      `\n${label}: ${customers.toLocaleString()} customers, ${loaded.transactions.toLocaleString()} transactions (loaded in ${loaded.seconds} s)`,
    );
    const started = performance.now();
    await refreshPurchaseSummaries(database.db, "all");
    console.log(`  purchase summaries (set-based, all customers): ${seconds(started)} s`);
  }

  let t = performance.now();
  const rows = [];
  for await (const batch of readScoringInputs(database, AS_OF, 90)) rows.push(...batch);
  const read = seconds(t);
  t = performance.now();
  const fit = fitBgNbd(rows.map((r) => historyOf(r, AS_OF_DAY)));
  const bgnbd = seconds(t);
  t = performance.now();
  fitGammaGamma(
    rows.map((r) => ({
      x: r.purchaseDays - 1,
      meanValue: r.purchaseDays > 1 ? r.repeatRevenue / (r.purchaseDays - 1) : 0,
    })),
  );
  const gg = seconds(t);
  console.log(
    `  read ${rows.length.toLocaleString()} summary rows: ${read} s; BG/NBD fit: ${bgnbd} s (${fit.uniqueHistories.toLocaleString()} distinct histories, converged ${fit.converged}); Gamma-Gamma fit: ${gg} s`,
  );

  const result = await refreshScores({ database, asOf: AS_OF });
  console.log(
    `  full refresh: read ${result.seconds.read} s, score ${result.seconds.score} s, write ${result.seconds.write} s, total ${result.seconds.total} s`,
  );
  console.log(`  fit: ${JSON.stringify(result.fit.bgnbd)}`);
  return result.seconds.total;
}

const pgCustomers = Number(values.pg);
if (pgCustomers > 0) {
  const cluster = process.env.DATABASE_URL
    ? null
    : await startPostgresCluster({
        settings: [
          "shared_buffers=1GB",
          "work_mem=64MB",
          "max_wal_size=4GB",
          "synchronous_commit=off",
        ],
      });
  const database = await openDatabase({ url: process.env.DATABASE_URL ?? cluster!.url, max: 2 });
  try {
    await bench("PostgreSQL", database, pgCustomers);
  } finally {
    await database.close();
    cluster?.stop();
  }
}
for (const size of values.pglite
  .split(",")
  .map(Number)
  .filter((n) => n > 0)) {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await bench("PGlite", database, size);
  } finally {
    await database.close();
  }
}
