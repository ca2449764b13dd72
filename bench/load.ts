/**
 * Load: 100 concurrent clients for 60 s against a real server on loopback over a 100,000-
 * customer PostgreSQL database, mixing list, search, the 360 view and version-checked updates.
 * Prints throughput and latency per operation, counts errors, and verifies afterwards that no
 * update was lost (every acknowledged increment is in the database).
 *
 *   npx tsx bench/load.ts [--customers 100000] [--clients 100] [--seconds 60]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { createContext } from "../src/server/createContext.js";
import { buildApp } from "../src/server/http/app.js";
import { seedDemo } from "../src/demo/seedDemo.js";
import { startPostgresCluster } from "../test/support/postgresCluster.js";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    clients: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
  },
});
const CUSTOMERS = Number(values.customers);
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);

const cluster = process.env.DATABASE_URL
  ? null
  : await startPostgresCluster({ settings: ["shared_buffers=512MB"] });
const database = await openDatabase({ url: process.env.DATABASE_URL ?? cluster!.url, max: 20 });
await migrateDatabase(database);
let t = performance.now();
const seeded = await seedDemo({ database, customers: CUSTOMERS, seed: 1 });
console.log(
  `seeded ${CUSTOMERS.toLocaleString()} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
await database.db.execute(sql`update customers set employees = 0`);

const app = await buildApp({ context: await createContext(database) });
const base = await app.listen({ port: 0, host: "127.0.0.1" });
const login = await fetch(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: seeded.adminEmail, password: seeded.adminPassword }),
});
const { csrfToken } = (await login.json()) as { csrfToken: string };
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
const [{ lo, hi }] = (
  await database.db.execute<{ lo: number; hi: number }>(
    sql`select min(id)::int as lo, max(id)::int as hi from customers`,
  )
).rows as [{ lo: number; hi: number }];
const names = (
  await database.db.execute<{ name: string }>(sql`select name from customers order by id limit 500`)
).rows.map((r) => r.name);

type Op = "list" | "search" | "view360" | "update";
const latencies: Record<Op, number[]> = { list: [], search: [], view360: [], update: [] };
let errors = 0;
let conflicts = 0;
let acknowledgedIncrements = 0;
const errorSamples: string[] = [];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const customerId = () => lo + Math.floor(Math.random() * (hi - lo + 1));

async function call(op: Op, method: string, path: string, body?: unknown) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  latencies[op].push(performance.now() - started);
  if (response.status === 409) conflicts++;
  else if (response.status >= 400) {
    errors++;
    if (errorSamples.length < 5)
      errorSamples.push(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
  }
  return { status: response.status, json: () => JSON.parse(text) };
}

async function update() {
  const id = customerId();
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await call("update", "GET", `/api/customers/${id}`);
    const { version, employees } = current.json() as { version: number; employees: number };
    const result = await call("update", "PATCH", `/api/customers/${id}`, {
      version,
      employees: (employees ?? 0) + 1,
    });
    if (result.status === 200) return void acknowledgedIncrements++;
  }
}

const deadline = Date.now() + SECONDS * 1000;
async function client() {
  while (Date.now() < deadline) {
    const r = Math.random();
    if (r < 0.4)
      await call(
        "list",
        "GET",
        `/api/customers?limit=50&sort=${pick(["name", "updatedAt", "id"])}&stage=${pick(["new", "old", "core", "target"])}`,
      );
    else if (r < 0.6)
      await call(
        "search",
        "GET",
        `/api/customers?q=${encodeURIComponent(pick(names).slice(2, 4))}&limit=20`,
      );
    else if (r < 0.85) await call("view360", "GET", `/api/customers/${customerId()}/360`);
    else await update();
  }
}
t = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, client));
const elapsed = (performance.now() - t) / 1000;

const [{ total }] = (
  await database.db.execute<{ total: number }>(
    sql`select coalesce(sum(employees), 0)::int as total from customers`,
  )
).rows as [{ total: number }];
const quantile = (list: number[], q: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
const requests = Object.values(latencies).reduce((n, l) => n + l.length, 0);
console.log(
  `\n${CLIENTS} clients for ${elapsed.toFixed(0)} s: ${requests.toLocaleString()} requests, ${(requests / elapsed).toFixed(0)} req/s, ${errors} errors, ${conflicts} version conflicts (retried)`,
);
for (const [op, list] of Object.entries(latencies)) {
  console.log(
    `  ${op.padEnd(8)} n=${String(list.length).padStart(7)}  p50 ${quantile(list, 0.5).toFixed(1)} ms  p99 ${quantile(list, 0.99).toFixed(1)} ms  max ${quantile(list, 1).toFixed(1)} ms`,
  );
}
console.log(
  `  lost updates: ${acknowledgedIncrements - total} (acknowledged ${acknowledgedIncrements}, in the database ${total})`,
);
if (errorSamples.length) console.log(`  errors, e.g.:\n    ${errorSamples.join("\n    ")}`);
await app.close();
await database.close();
cluster?.stop();
if (errors > 0 || acknowledgedIncrements !== total) process.exitCode = 1;
