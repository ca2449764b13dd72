/**
 * kill -9 a real server process (`ladder serve`) in the middle of a 1,000,000-row import sent
 * over HTTP, and in the middle of an analytics refresh; restart it (it recovers interrupted work
 * on start): no partial data is visible, and the same work succeeds when retried. Runs on
 * PGlite (a data folder on disk) and on PostgreSQL.
 *
 * The kill comes from a fault point inside the server (LADDER_FAULT, see crashPoint.ts) at a
 * chosen depth of the job, so it never races the job's progress.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/server/db/client.js";
import { migrateDatabase } from "../../src/server/db/migrate.js";
import { createUser } from "../../src/server/users/createUser.js";
import { testEngine } from "../support/testDatabase.js";
import { startServerProcess, type ServerProcess } from "../support/serverProcess.js";
import { logIn, type ApiSession } from "./apiSession.js";
import { writeTransactionsCsv } from "./transactionsCsv.js";

const ENGINE = testEngine();
/** The import killed half-way. */
const ROWS = 1_000_000;
/**
 * The retry. On PostgreSQL the same million rows (one COPY transaction). The embedded database
 * stages a million rows in ~25 s but publishes them in short statements that leave its one
 * connection free for requests, at 1,000-2,000 rows/s on two busy cores: a million would take
 * over ten minutes. There the retry imports a smaller file; recovery and retry are the same code
 * at any size.
 */
const RETRY_ROWS = ENGINE === "postgres" ? ROWS : 20_000;
/**
 * Where the server dies. PostgreSQL: after 25 of the import's 50 COPY chunks of 20,000 rows.
 * PGlite: with all million rows staged, after 40 publish statements (10,000 rows) committed.
 */
const IMPORT_FAULT = ENGINE === "postgres" ? "import-mid-write@25" : "import-mid-write@40";
/** Two score batches of 5,000: the refresh dies with the first written, the second not. */
const CUSTOMERS = 10_000;
const ADMIN = { email: "admin@crash.local", password: "long enough password" };
const JOB_TIMEOUT = 240_000;

describe("kill -9 the server mid-job, restart", { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "ladder-crash-"));
  const killedCsv = join(dir, "transactions.csv");
  const retryCsv = RETRY_ROWS === ROWS ? killedCsv : join(dir, "retry.csv");
  let env: Record<string, string>;
  let dropDatabase = async () => {};
  let server: ServerProcess | null = null;

  /** Opens the database directly (on PGlite only while no server owns the folder). */
  const open = (): Promise<Database> =>
    env.DATABASE_URL
      ? openDatabase({ url: env.DATABASE_URL, max: 2 })
      : openDatabase({ dataDir: env.LADDER_DATA_DIR! });

  const counts = async (sql: Record<string, string>) => {
    const database = await open();
    try {
      const result: Record<string, unknown> = {};
      for (const [name, text] of Object.entries(sql))
        result[name] = (await database.pool.query(text)).rows[0].n;
      return result;
    } finally {
      await database.close();
    }
  };
  const DATA = {
    transactions: "select count(*)::int as n from transactions",
    summaries: "select count(*)::int as n from purchase_summaries",
    stages: "select count(*)::int as n from pg_tables where tablename like 'import_stage_%'",
  };

  /** Starts a server (the previous one must be gone) and logs in. */
  const start = async (extraEnv: Record<string, string> = {}): Promise<ApiSession> => {
    server = await startServerProcess({ env: { ...env, ...extraEnv } });
    return logIn(server.url, ADMIN);
  };
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  /** Waits for the server to die at its fault point. */
  const died = async () => {
    const exit = await server!.exited;
    expect(exit.signal, server!.output().slice(-2000)).toBe("SIGKILL");
    server = null;
  };

  beforeAll(async () => {
    if (ENGINE === "postgres") {
      const adminUrl = inject("postgresUrl");
      const name = `ladder_crash_${randomBytes(4).toString("hex")}`;
      const admin = await openDatabase({ url: adminUrl, max: 1 });
      await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE ladder_template`);
      await admin.close();
      env = { DATABASE_URL: adminUrl.replace(/\/postgres$/, `/${name}`) };
      dropDatabase = async () => {
        const drop = await openDatabase({ url: adminUrl, max: 1 });
        await drop.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.close();
      };
    } else {
      env = { LADDER_DATA_DIR: join(dir, "data") };
    }
    const database = await open();
    try {
      await migrateDatabase(database);
      const admin = await createUser({
        db: database.db,
        actor: null,
        input: { ...ADMIN, name: "admin", role: "admin" },
      });
      await database.pool.query(
        `insert into customers (kind, name, owner_id, external_ref)
         select 'organization', '崩溃测试' || g, $1, 'K' || g from generate_series(1, ${CUSTOMERS}) g`,
        [admin.id],
      );
    } finally {
      await database.close();
    }
    await writeTransactionsCsv(killedCsv, { rows: ROWS, customers: CUSTOMERS });
    if (retryCsv !== killedCsv)
      await writeTransactionsCsv(retryCsv, { rows: RETRY_ROWS, customers: CUSTOMERS });
  });
  afterAll(async () => {
    await stop();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps nothing of an import killed half-way, and the retry imports everything", async () => {
    const key = `crash-${randomBytes(4).toString("hex")}`;
    let api = await start({ LADDER_FAULT: IMPORT_FAULT });
    const accepted = await api.upload("transactions", killedCsv, key);
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(202);
    const importId = accepted.json.id as number;
    await died();

    // The restarted server rolls the import back before it serves.
    api = await start();
    const interrupted = await api.request("GET", `/api/imports/${importId}`);
    expect(interrupted.json).toMatchObject({ status: "failed", rowCount: 0 });
    expect(interrupted.json.error.message).toMatch(/interrupted/);
    await stop();
    expect(await counts(DATA)).toEqual({ transactions: 0, summaries: 0, stages: 0 });

    api = await start();
    const retry = await api.upload(
      "transactions",
      retryCsv,
      retryCsv === killedCsv ? key : `${key}-retry`,
    );
    expect(retry.status, JSON.stringify(retry.json)).toBe(202);
    const done = await api.waitFor(
      `/api/imports/${retry.json.id}`,
      (json) => json.status !== "running" && json.status !== "publishing",
      JOB_TIMEOUT,
    );
    expect(done).toMatchObject({ status: "succeeded", rowCount: RETRY_ROWS });
    await stop();
    expect(await counts(DATA)).toEqual({
      transactions: RETRY_ROWS,
      summaries: CUSTOMERS,
      stages: 0,
    });
  });

  it("keeps the published scores after a refresh killed mid-write, and the retry publishes", async () => {
    const refresh = async (api: ApiSession) => {
      const started = await api.request("POST", "/api/analytics/refresh", {});
      expect(started.status, JSON.stringify(started.json)).toBe(202);
    };
    const finished = (api: ApiSession) =>
      api.waitFor("/api/analytics/status", (json) => !json.running, JOB_TIMEOUT);

    let api = await start();
    await refresh(api);
    const first = await finished(api);
    expect(first.error).toBeNull();
    await stop();

    api = await start({ LADDER_FAULT: "refresh-mid-write" });
    await refresh(api);
    await died();

    // Readers still see the first run; the killed one is gone, and a new refresh publishes.
    api = await start();
    const after = await api.request("GET", "/api/analytics/status");
    expect(after.json.lastRun.id).toBe(first.lastRun.id);
    await refresh(api);
    const second = await finished(api);
    expect(second.error).toBeNull();
    expect(second.lastRun.id).not.toBe(first.lastRun.id);
    await stop();
    expect(
      await counts({
        published: "select count(*)::int as n from score_runs where status = 'published'",
        others: "select count(*)::int as n from score_runs where status <> 'published'",
        scores: "select count(*)::int as n from customer_scores",
      }),
    ).toEqual({ published: 2, others: 0, scores: 2 * CUSTOMERS });
  });
});
