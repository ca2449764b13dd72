/**
 * Does the server stay responsive on the embedded database while a big import runs?
 *
 * Starts the real server (buildApp + createContext, listening on loopback) on PGlite in a
 * fresh folder, imports 100,000 customers, logs in over HTTP, then runs a 1,000,000-row
 * transactions import through the same functions the API uses, while a loop requests
 * GET /api/customers/:id every ~20 ms (open loop: a slow answer does not delay the next
 * request). Prints p50/p99/max latency idle and during the import. Target: p99 < 200 ms.
 *
 *   npx tsx bench/responsiveness.ts [transactions] [customers]
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { createContext } from "../src/server/createContext.js";
import { buildApp } from "../src/server/http/app.js";
import { users } from "../src/server/db/schema.js";
import { createUser } from "../src/server/users/createUser.js";
import { toActor } from "../src/server/auth/sessions.js";
import { runImport } from "../src/server/imports/runImport.js";
import type { ImportKind } from "../src/server/imports/imports.schema.js";
import { random, writeFiles } from "./import.js";

const numbers = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const TRANSACTIONS = numbers[0] ?? 1_000_000;
const CUSTOMERS = numbers[1] ?? 100_000;
const INTERVAL_MS = 20;
const PASSWORD = "bench password 1";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summary(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return `${label.padEnd(22)} n=${String(sorted.length).padStart(6)}  p50 ${ms(percentile(sorted, 50)).padStart(9)}  p99 ${ms(percentile(sorted, 99)).padStart(9)}  max ${ms(sorted.at(-1) ?? NaN).padStart(9)}`;
}

const dir = mkdtempSync(join(tmpdir(), "ladder-bench-responsive-"));
const database = await openDatabase({ dataDir: join(dir, "data") });
try {
  await migrateDatabase(database);
  const created = await createUser({
    db: database.db,
    actor: null,
    input: { email: "bench@bench.local", name: "bench", password: PASSWORD, role: "admin" },
  });
  const [user] = await database.db.select().from(users).where(eq(users.id, created.id));
  const actor = toActor(user!, "cli");
  const context = await createContext(database);
  const app = await buildApp({ context });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  process.stdout.write(
    `Writing ${CUSTOMERS.toLocaleString("en-US")} customers and ${TRANSACTIONS.toLocaleString("en-US")} transactions…\n`,
  );
  const files = await writeFiles(dir, {
    customers: CUSTOMERS,
    transactions: TRANSACTIONS,
    refs: false,
  });
  const timed = async (kind: ImportKind, path: string) => {
    const started = performance.now();
    const result = await runImport({
      database,
      actor,
      kind,
      source: { stream: createReadStream(path), fileName: path, size: statSync(path).size },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `import ${kind}: ${result.rowCount.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (${Math.round(result.rowCount / seconds).toLocaleString("en-US")} rows/s)\n`,
    );
  };
  await timed("customers", files.customers);
  const { rows } = await database.pool.query<{ first: number; last: number }>(
    "select min(id)::int as first, max(id)::int as last from customers",
  );
  const { first, last } = rows[0]!;

  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@bench.local", password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  const pick = random(7);
  let failures = 0;
  /** Requests a random customer every INTERVAL_MS until `until` settles; returns the latencies. */
  async function probe(until: Promise<unknown>): Promise<number[]> {
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    let done = false;
    void until.finally(() => (done = true));
    while (!done) {
      const id = first + Math.floor(pick() * (last - first + 1));
      const started = performance.now();
      pending.push(
        fetch(`${base}/api/customers/${id}`, { headers: { cookie } }).then(
          async (response) => {
            await response.arrayBuffer();
            if (!response.ok) failures++;
            latencies.push(performance.now() - started);
          },
          () => void failures++,
        ),
      );
      await sleep(INTERVAL_MS);
    }
    await Promise.all(pending);
    return latencies;
  }

  await probe(sleep(2000)); // warm-up: first requests compile code paths and fill caches
  const idle = await probe(sleep(3000));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const during = await probe(timed("transactions", files.transactions));
  loop.disable();

  process.stdout.write(`\n${summary("GET /api/customers/:id idle", idle)}\n`);
  process.stdout.write(`${summary("… during the import", during)}  (target p99 < 200 ms)\n`);
  process.stdout.write(
    `event-loop delay during the import: p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms\n`,
  );
  if (failures) process.stdout.write(`${failures} requests failed\n`);
  await app.close();
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
