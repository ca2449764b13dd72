/**
 * `ladder proposals` as an operator runs it from cron: a separate process on the embedded data
 * folder, acting as a user, refused to roles the API refuses. (The engine's rules themselves
 * are tested on both engines in src/server/proposals.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/client.js";
import { migrateDatabase } from "../../server/db/migrate.js";
import { createUser } from "../../server/users/createUser.js";
import { refreshPurchaseSummaries } from "../../server/transactions/purchaseSummaries.js";

const dir = mkdtempSync(join(tmpdir(), "ladder-cli-proposals-"));
const dataDir = join(dir, "data");

function ladder(args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
        env: { ...process.env, DATABASE_URL: "", LADDER_DATA_DIR: dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    },
  );
}

const proposalsOf = async () => {
  const database = await openDatabase({ dataDir });
  try {
    const { rows } = await database.pool.query<{ rule: string; to_stage: string }>(
      "select rule, to_stage from proposals order by id",
    );
    return rows;
  } finally {
    await database.close();
  }
};

describe("ladder proposals", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const database = await openDatabase({ dataDir });
    try {
      await migrateDatabase(database);
      const admin = await createUser({
        db: database.db,
        actor: null,
        input: { email: "admin@cli.test", name: "admin", password: "long enough 1", role: "admin" },
      });
      await createUser({
        db: database.db,
        actor: null,
        input: {
          email: "am@cli.test",
          name: "am",
          password: "long enough 2",
          role: "account_manager",
        },
      });
      const { rows } = await database.pool.query<{ id: number }>(
        "insert into customers (kind, name, owner_id, stage) values ('organization', '首购客户', $1, 'target') returning id",
        [admin.id],
      );
      await database.pool.query(
        "insert into transactions (customer_id, occurred_at, amount_cents) values ($1, '2026-10-01', 120000)",
        [rows[0]!.id],
      );
      await refreshPurchaseSummaries(database.db, [rows[0]!.id]);
    } finally {
      await database.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is refused to an account manager, as the API refuses it", async () => {
    const refused = await ladder(["proposals", "--as", "am@cli.test"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/may not run the proposal engine/);
    expect(await proposalsOf()).toEqual([]);
  });

  it("proposes a target's first purchase as a move to new, and moves nobody", async () => {
    const run = await ladder(["proposals", "--as-of", "2026-11-01"]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ scanned: 1, created: 1 });
    expect(await proposalsOf()).toEqual([{ rule: "first_purchase_to_new", to_stage: "new" }]);
    const database = await openDatabase({ dataDir });
    try {
      const { rows } = await database.pool.query("select stage from customers");
      expect(rows).toEqual([{ stage: "target" }]);
    } finally {
      await database.close();
    }
  });
});
