/**
 * Load: autocannon's 100 concurrent connections for 60 s against a real server process on
 * loopback over a 100,000-customer PostgreSQL database, mixing list, search, the 360 view and
 * version-checked updates (read, then PATCH with the version read; a 409 is re-read and
 * retried, as a client should). Prints throughput and latency per operation, counts errors,
 * and verifies afterwards that no update was lost: every acknowledged increment is in the
 * database. Half the updates go to a few hot customers, so concurrent writers do collide.
 *
 *   npx tsx bench/load.ts [--customers 100000] [--clients 100] [--seconds 60] [--reuse]
 *
 * With DATABASE_URL it uses that database (its data is replaced by the demo set, unless
 * --reuse finds it already holding that many customers); otherwise a throwaway cluster.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { DEFAULT_DEMO_PASSWORD, seedDemo } from "../src/demo/seedDemo.js";
import { ADMIN_EMAIL } from "../src/demo/staff.js";
import { startPostgresCluster } from "../test/support/postgresCluster.js";
import { startServerProcess } from "../test/support/serverProcess.js";
import { createLoadMix, OPS } from "./loadMix.js";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    clients: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
    reuse: { type: "boolean", default: false },
  },
});
const CUSTOMERS = Number(values.customers);
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const HOT_CUSTOMERS = 20;

const cluster = process.env.DATABASE_URL
  ? null
  : await startPostgresCluster({ settings: ["shared_buffers=512MB"] });
const url = process.env.DATABASE_URL ?? cluster!.url;
const database = await openDatabase({ url, max: 2 });
const query = async <T>(text: string, params: unknown[] = []) =>
  (await database.pool.query(text, params)).rows as T[];
const queryOne = async <T>(text: string) => (await query<T>(text))[0]!;

await migrateDatabase(database);
const { n: existing } = await queryOne<{ n: number }>("select count(*)::int as n from customers");
if (!(values.reuse && existing === CUSTOMERS)) {
  const t = performance.now();
  await seedDemo({ database, customers: CUSTOMERS, seed: 1 });
  console.log(
    `seeded ${CUSTOMERS.toLocaleString()} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  await query("vacuum analyze");
}
// The counter the updates increment; summed afterwards to find lost updates.
await query("update customers set employees = 0 where employees is distinct from 0");
const ids = (await query<{ id: number }>("select id from customers order by id")).map((r) => r.id);
const names = (
  await query<{ name: string }>("select name from customers order by random() limit 500")
).map((r) => r.name);

const server = await startServerProcess({ env: { DATABASE_URL: url } });
const login = await fetch(`${server.url}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: ADMIN_EMAIL, password: DEFAULT_DEMO_PASSWORD }),
});
if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
const { csrfToken } = (await login.json()) as { csrfToken: string };
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");

const mix = createLoadMix({ ids, hotIds: ids.slice(0, HOT_CUSTOMERS), names });
const loadBefore = loadavg()[0]!;
const result = await autocannon({
  url: server.url,
  connections: CLIENTS,
  duration: SECONDS,
  timeout: 10,
  headers: { cookie, "x-csrf-token": csrfToken },
  requests: mix.requests,
});
const loadAfter = loadavg()[0]!;
// A graceful stop lets requests still running finish before the counter is read.
await server.stop();

const { total } = await queryOne<{ total: number }>(
  "select coalesce(sum(employees), 0)::int as total from customers",
);
const { stats } = mix;
const requests = result.requests.total;
// autocannon counts timeouts among its errors.
const errors = stats.errors + result.errors;
console.log(
  `\n${CLIENTS} clients for ${result.duration.toFixed(0)} s on ${CUSTOMERS.toLocaleString()} customers: ` +
    `${requests.toLocaleString()} requests, ${result.requests.average.toFixed(0)} req/s ` +
    `(load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after)`,
);
for (const op of OPS) {
  const { count, p50, p99, max } = mix.latency(op);
  console.log(
    `  ${op.padEnd(8)} n=${String(count).padStart(7)}  p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${max.toFixed(1)} ms`,
  );
}
console.log(
  `  errors: ${errors} (error responses ${stats.errors}, timeouts ${result.timeouts}, connection errors ${result.errors - result.timeouts}); ` +
    `5xx: ${result["5xx"]}`,
);
console.log(
  `  version conflicts: ${stats.conflicts} (re-read and retried), updates given up: ${stats.givenUp}`,
);
// A PATCH still in flight when the run stopped may or may not have been applied; any other
// difference between the counter and the acknowledged increments is a lost (or phantom) update.
const inFlight = stats.patchesSent - stats.patchesAnswered;
const lost = Math.max(0, stats.acknowledged - total);
const unexplained = Math.max(0, total - stats.acknowledged - inFlight);
console.log(
  `  lost updates: ${lost} (acknowledged ${stats.acknowledged}, in the database ${total}, ` +
    `${inFlight} still in flight at the stop, ${unexplained} unexplained)`,
);
if (stats.samples.length) console.log(`  errors, e.g.:\n    ${stats.samples.join("\n    ")}`);

await database.close();
cluster?.stop();
if (errors > 0 || stats.givenUp > 0 || lost > 0 || unexplained > 0) process.exitCode = 1;
