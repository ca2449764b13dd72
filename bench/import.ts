/**
 * Import throughput: generates a customers CSV (100,000 rows by default) and a transactions CSV
 * (1,000,000 rows: customer_ref,occurred_at,amount,cost,quantity,product,channel), imports both
 * through the real import (runImport, all or nothing, purchase summaries included) into
 * PostgreSQL and into the embedded PGlite, and prints rows/second beside PostgreSQL's own
 * COPY of the same transactions file into a plain table — the practical limit — and beside a
 * COPY of the same rows, customers resolved, into the real table: the floor for this schema.
 *
 *   npx tsx bench/import.ts [transactions] [customers] [--refs] [--only postgres|pglite]
 *
 * --refs adds an external_ref column (order numbers), which the import checks for duplicates.
 * With DATABASE_URL, a scratch database is made on that server (and dropped afterwards);
 * without it, a throwaway cluster is started on loopback as the test suite does.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import { from as copyFromStream, to as copyToStream } from "pg-copy-streams";
import { openDatabase, type Database } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { users } from "../src/server/db/schema.js";
import { createUser } from "../src/server/users/createUser.js";
import { toActor } from "../src/server/auth/sessions.js";
import type { Actor } from "../src/server/auth/actor.js";
import { runImport } from "../src/server/imports/runImport.js";
import { startPostgresCluster } from "../test/support/postgresCluster.js";
import type { ImportKind, ImportProgress } from "../src/server/imports/imports.schema.js";

const args = process.argv.slice(2);
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const TRANSACTIONS = numbers[0] ?? 1_000_000;
const CUSTOMERS = numbers[1] ?? 100_000;
const WITH_REFS = args.includes("--refs");
const ONLY = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

const PRODUCTS = [
  "智能传感器",
  "工业网关",
  "云平台年费",
  "运维服务",
  "培训课程",
  "备件包",
  "定制开发",
  "数据分析报告",
];
const CHANNELS = ["直销", "经销商", "线上商城", "电话销售", "展会"];
const INDUSTRIES = ["制造业", "批发零售", "信息技术", "金融", "医疗", "教育", "物流", "能源"];
const REGIONS = ["上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "山东"];

/** A small seeded generator (mulberry32), so every run writes the same files. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const amount = (cents: number) =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/** Writes lines produced in batches, waiting for the disk. */
export async function writeLines(
  path: string,
  header: string,
  count: number,
  line: (i: number) => string,
) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i += 10_000) {
    let batch = "";
    for (let j = i; j < Math.min(count, i + 10_000); j++) batch += `${line(j)}\n`;
    if (!out.write(batch)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

export async function writeFiles(
  dir: string,
  {
    customers: customerCount = CUSTOMERS,
    transactions: transactionCount = TRANSACTIONS,
    refs = WITH_REFS,
  } = {},
) {
  const customers = join(dir, "customers.csv");
  const transactions = join(dir, "transactions.csv");
  const r = random(42);
  await writeLines(customers, "external_ref,name,kind,industry,region", customerCount, (i) =>
    [
      `C${i + 1}`,
      `客户${i + 1}`,
      i % 5 === 0 ? "individual" : "organization",
      INDUSTRIES[i % 8],
      REGIONS[(i * 7) % 8],
    ].join(","),
  );
  const start = Date.UTC(2021, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const header =
    "customer_ref,occurred_at,amount,cost,quantity,product,channel" + (refs ? ",external_ref" : "");
  await writeLines(transactions, header, transactionCount, (i) => {
    const cents = 1000 + Math.floor(r() * 500_000);
    const fields = [
      `C${1 + Math.floor(r() * customerCount)}`,
      new Date(start + Math.floor((r() * span) / 1000) * 1000).toISOString().replace(".000", ""),
      amount(cents),
      amount(Math.floor(cents * 0.4)),
      1 + Math.floor(r() * 5),
      PRODUCTS[Math.floor(r() * PRODUCTS.length)],
      CHANNELS[Math.floor(r() * CHANNELS.length)],
    ];
    if (refs) fields.push(`T${i + 1}`);
    return fields.join(",");
  });
  return { customers, transactions };
}

async function adminOf(database: Database): Promise<Actor> {
  const created = await createUser({
    db: database.db,
    actor: null,
    input: {
      email: "bench@bench.local",
      name: "bench",
      password: "bench password 1",
      role: "admin",
    },
  });
  const [row] = await database.db.select().from(users).where(eq(users.id, created.id));
  return toActor(row!, "cli");
}

interface Line {
  engine: string;
  step: string;
  rows: number;
  seconds: number;
}
const results: Line[] = [];

function record(line: Line) {
  results.push(line);
  const rate = Math.round(line.rows / line.seconds).toLocaleString("en-US");
  process.stdout.write(
    `${line.engine.padEnd(9)} ${line.step.padEnd(26)} ${line.rows.toLocaleString("en-US").padStart(10)} rows ${line.seconds.toFixed(1).padStart(7)} s ${rate.padStart(10)} rows/s\n`,
  );
}

async function timedImport(database: Database, actor: Actor, kind: ImportKind, path: string) {
  const started = performance.now();
  let last = started;
  const result = await runImport({
    database,
    actor,
    kind,
    source: { stream: createReadStream(path), fileName: path, size: statSync(path).size },
    onProgress: (p: ImportProgress) => {
      const now = performance.now();
      if (now - last > 10_000) {
        last = now;
        process.stderr.write(
          `  … ${((now - started) / 1000).toFixed(0)} s: ${p.phase}, ${p.rowsRead.toLocaleString("en-US")} read, ${p.rowsPublished.toLocaleString("en-US")} published\n`,
        );
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  record({ engine: database.kind, step: `import ${kind}`, rows: result.rowCount, seconds });
  return seconds;
}

/**
 * PostgreSQL's own COPY of the transactions file into a plain table (the brief's reference),
 * then the floor for any import into this schema: PostgreSQL's COPY of the same rows, their
 * customers already resolved and in customer order, into the real `transactions` table —
 * foreign key, indexes, identity — rolled back.
 */
async function baselines(
  database: Database,
  path: string,
): Promise<{ copy: number; floor: number }> {
  const client = await database.pool.connect();
  try {
    await client.query(`create table bench_plain (customer_ref text, occurred_at timestamptz, amount numeric(14,2),
      cost numeric(14,2), quantity integer, product text, channel text${WITH_REFS ? ", external_ref text" : ""})`);
    let started = performance.now();
    await pipeline(
      createReadStream(path),
      client.query(copyFromStream("COPY bench_plain FROM STDIN (FORMAT csv, HEADER true)")),
    );
    const copy = (performance.now() - started) / 1000;
    record({
      engine: "postgres",
      step: "COPY into a plain table",
      rows: TRANSACTIONS,
      seconds: copy,
    });

    const columns = `customer_id, occurred_at, amount_cents, cost_cents, quantity, product, channel${WITH_REFS ? ", external_ref" : ""}`;
    const resolved: Buffer[] = [];
    const out = client.query(
      copyToStream(`COPY (select c.id, p.occurred_at, (p.amount * 100)::bigint, (p.cost * 100)::bigint,
        p.quantity, p.product, p.channel${WITH_REFS ? ", p.external_ref" : ""}
        from bench_plain p join customers c on c.external_ref = p.customer_ref order by c.id) TO STDOUT`),
    );
    for await (const chunk of out) resolved.push(chunk as Buffer);
    await client.query("begin");
    started = performance.now();
    await pipeline(
      Readable.from(resolved),
      client.query(copyFromStream(`COPY transactions (${columns}) FROM STDIN`)),
    );
    const floor = (performance.now() - started) / 1000;
    await client.query("rollback");
    record({
      engine: "postgres",
      step: "COPY into transactions",
      rows: TRANSACTIONS,
      seconds: floor,
    });
    await client.query("drop table bench_plain");
    return { copy, floor };
  } finally {
    client.release();
  }
}

async function benchPostgres(files: { customers: string; transactions: string }) {
  const cluster = process.env.DATABASE_URL
    ? null
    : await startPostgresCluster({ settings: ["shared_buffers=256MB"] });
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  const name = `ladder_bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  await admin.pool.query(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), max: 4 });
  try {
    await migrateDatabase(database);
    const actor = await adminOf(database);
    await timedImport(database, actor, "customers", files.customers);
    await database.pool.query("analyze");
    const { copy, floor } = await baselines(database, files.transactions);
    await database.pool.query("vacuum analyze transactions");
    const imported = await timedImport(database, actor, "transactions", files.transactions);
    process.stdout.write(
      `postgres  the import takes ${(imported / copy).toFixed(2)}× the time of COPY into a plain table ` +
        `(target: within 2×) and ${(imported / floor).toFixed(2)}× that of COPY of the resolved rows into transactions\n`,
    );
  } finally {
    await database.close();
    const drop = await openDatabase({ url: serverUrl, max: 1 });
    await drop.pool.query(`drop database if exists ${name} with (force)`);
    await drop.close();
    cluster?.stop();
  }
}

async function benchPglite(dir: string, files: { customers: string; transactions: string }) {
  const database = await openDatabase({ dataDir: join(dir, "pglite") });
  try {
    await migrateDatabase(database);
    const actor = await adminOf(database);
    await timedImport(database, actor, "customers", files.customers);
    await database.pool.query("analyze");
    await timedImport(database, actor, "transactions", files.transactions);
  } finally {
    await database.close();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ladder-bench-files-"));
  try {
    process.stdout.write(
      `Writing ${CUSTOMERS.toLocaleString("en-US")} customers and ${TRANSACTIONS.toLocaleString("en-US")} transactions${WITH_REFS ? " (with external_ref)" : ""}…\n`,
    );
    const files = await writeFiles(dir);
    process.stdout.write(
      `transactions.csv: ${(statSync(files.transactions).size / 1024 / 1024).toFixed(0)} MB\n\n`,
    );
    if (ONLY !== "pglite") await benchPostgres(files);
    if (ONLY !== "postgres") await benchPglite(dir, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run when started as a script; bench/responsiveness.ts borrows the file generator.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
