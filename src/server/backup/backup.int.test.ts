import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { backupDatabase, restoreDatabase } from "./backup.js";

describe("backup and restore", () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), "ladder-backup-"));
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => {
    const { rows } = await t.database.pool.query(`
      select (select json_agg(c order by id) from customers c) as customers,
             (select json_agg(x order by id) from transactions x) as transactions,
             (select count(*)::int from audit_log) as audits,
             (select json_agg(u.email order by id) from users u) as users`);
    return rows[0];
  };

  it("round-trips every table exactly and continues ids after the restored ones", async () => {
    const me = await t.as("manager");
    const customer = (
      await me.request("POST", "/api/customers", {
        kind: "individual",
        name: "赵敏",
        family: { spouse: "张无忌", children: [{ name: "小张" }] },
        tags: ["a", "b"],
        birthDate: "1990-02-28",
      })
    ).json();
    await me.request("POST", `/api/customers/${customer.id}/transactions`, {
      occurredAt: "2025-05-01T08:30:00.123Z",
      amountCents: 123_456,
      costCents: 7,
    });
    const before = await snapshot();
    const file = join(dir, "backup.jsonl.gz");
    const counts = await backupDatabase(t.database, file);
    expect(counts.customers).toBe(1);

    // Change things after the backup; the restore must undo them.
    await me.request("PATCH", `/api/customers/${customer.id}`, { version: 1, name: "改名" });
    await me.request("POST", "/api/customers", { kind: "organization", name: "备份后新增" });

    await restoreDatabase(t.database, file);
    expect(await snapshot()).toEqual(before);
    const next = await me.request("POST", "/api/customers", {
      kind: "organization",
      name: "恢复后新增",
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().id).toBe(customer.id + 1);
  });

  it("refuses a file that is not a backup and leaves the data alone", async () => {
    const { writeFileSync } = await import("node:fs");
    const { gzipSync } = await import("node:zlib");
    const file = join(dir, "bogus.gz");
    writeFileSync(file, gzipSync('{"hello":"world"}\n'));
    const before = await snapshot();
    await expect(restoreDatabase(t.database, file)).rejects.toThrow(/not a Ladder backup/);
    expect(await snapshot()).toEqual(before);
  });
});
