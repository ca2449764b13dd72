/**
 * kill -9 in the middle of an import and of an analytics refresh, in a real separate process
 * (the CLI), then restart: no partial data is visible and the same work succeeds when retried.
 * Runs on PGlite (a data folder on disk) and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/server/db/client.js";
import { migrateDatabase } from "../../src/server/db/migrate.js";
import { createUser } from "../../src/server/users/createUser.js";
import { recoverInterruptedImports } from "../../src/server/imports/recoverInterruptedImports.js";
import { recoverInterruptedRuns } from "../../src/server/analytics/refreshScores.js";
import { testEngine } from "../support/testDatabase.js";

const ROWS = 60_000;
const CUSTOMERS = 300;

describe("crash and restart", { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "ladder-crash-"));
  const csv = join(dir, "transactions.csv");
  let env: Record<string, string>;
  let dropDatabase = async () => {};

  /** Opens the database the CLI uses (after the CLI has died, the lock is stale). */
  const open = (): Promise<Database> =>
    env.DATABASE_URL
      ? openDatabase({ url: env.DATABASE_URL, max: 2 })
      : openDatabase({ dataDir: env.LADDER_DATA_DIR! });

  const count = async (table: string) => {
    const database = await open();
    try {
      return (await database.pool.query(`select count(*)::int as n from ${table}`)).rows[0]
        .n as number;
    } finally {
      await database.close();
    }
  };

  /** Runs the CLI to its end (or its death by an injected fault). */
  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
        env: { ...process.env, ...env, ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code, signal) => resolve({ code, signal, output }));
    });

  beforeAll(async () => {
    if (testEngine() === "postgres") {
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
    await migrateDatabase(database);
    const admin = await createUser({
      db: database.db,
      actor: null,
      input: {
        email: "admin@crash.local",
        name: "admin",
        password: "long enough password",
        role: "admin",
      },
    });
    await database.pool.query(
      `insert into customers (kind, name, owner_id, external_ref) select 'organization', '崩溃测试' || g, $1, 'K' || g from generate_series(1, ${CUSTOMERS}) g`,
      [admin.id],
    );
    await database.close();
    const lines = ["customer_ref,occurred_at,amount,cost"];
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(Date.UTC(2023, 0, 1) + (i % 700) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      lines.push(`K${(i % CUSTOMERS) + 1},${day},${(10 + (i % 997) / 10).toFixed(2)},1.00`);
    }
    writeFileSync(csv, lines.join("\n") + "\n");
  });
  afterAll(async () => {
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves no partial import after kill -9, and the retry imports everything", async () => {
    // The embedded database publishes in chunks: die after the first of them. A server
    // imports in one transaction: die after its first chunk went in.
    const killed = await cli(["import", "transactions", csv], { LADDER_FAULT: "import-mid-write" });
    expect(killed.signal, killed.output.slice(-500)).toBe("SIGKILL");

    const database = await open();
    try {
      await recoverInterruptedImports(database);
      const { rows } = await database.pool.query("select count(*)::int as n from transactions");
      expect(rows[0].n).toBe(0);
      const summaries = await database.pool.query(
        "select count(*)::int as n from purchase_summaries",
      );
      expect(summaries.rows[0].n).toBe(0);
    } finally {
      await database.close();
    }

    const retry = await cli(["import", "transactions", csv]);
    expect(retry.code, retry.output.slice(-500)).toBe(0);
    expect(await count("transactions")).toBe(ROWS);
    expect(await count("purchase_summaries")).toBe(CUSTOMERS);
  });

  it("leaves the published scores untouched after kill -9 mid-refresh, and the retry publishes", async () => {
    const first = await cli(["analyze"]);
    expect(first.code, first.output.slice(-500)).toBe(0);
    const killed = await cli(["analyze"], { LADDER_FAULT: "refresh-mid-write" });
    expect(killed.signal, killed.output.slice(-500)).toBe("SIGKILL");

    const database = await open();
    try {
      const runs = await database.pool.query(
        "select status, count(*)::int as n from score_runs group by status order by status",
      );
      expect(runs.rows).toEqual([
        { status: "published", n: 1 },
        { status: "running", n: 1 },
      ]);
      // Readers see only the published run, complete.
      const published = await database.pool.query(
        "select count(*)::int as n from customer_scores where run_id = (select id from score_runs where status = 'published')",
      );
      expect(published.rows[0].n).toBe(CUSTOMERS);
      expect(await recoverInterruptedRuns(database.db)).toBe(1);
    } finally {
      await database.close();
    }
    const retry = await cli(["analyze"]);
    expect(retry.code, retry.output.slice(-500)).toBe(0);
    expect(await count("customer_scores")).toBe(2 * CUSTOMERS);
  });
});
