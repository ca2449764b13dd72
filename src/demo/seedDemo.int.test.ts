import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/client.js";
import { verifyPassword } from "../server/auth/password.js";
import { openTestDatabase } from "../../test/support/testDatabase.js";
import { seedDemo, type SeedDemoResult } from "./seedDemo.js";

const AS_OF = new Date("2025-06-30T00:00:00Z");
const CUSTOMERS = 2_000;

describe("seedDemo", () => {
  let database: Database;
  let result: SeedDemoResult;
  const phases = new Set<string>();
  const count = async (sql: string) =>
    Number((await database.pool.query<{ n: string }>(sql)).rows[0]?.n);

  beforeAll(async () => {
    database = await openTestDatabase();
    result = await seedDemo({
      database,
      customers: CUSTOMERS,
      seed: 11,
      asOf: AS_OF,
      adminPassword: "correct horse",
      onProgress: (phase, done, total) => {
        expect(done).toBeLessThanOrEqual(total);
        phases.add(phase);
      },
    });
  }, 300_000);
  afterAll(() => database.close());

  it("stores exactly the rows it reports, in every table it fills", async () => {
    expect(result.counts.customers).toBe(CUSTOMERS);
    expect(Object.keys(result.counts).length).toBeGreaterThanOrEqual(17);
    for (const [table, rows] of Object.entries(result.counts)) {
      expect(await count(`select count(*) as n from "${table}"`), table).toBe(rows);
      expect(rows, table).toBeGreaterThan(0);
    }
    expect([...phases]).toEqual(["reset", "reference", "customers", "finish"]);
  });

  it("keeps each customer's stage and stage_since equal to its last stage event", async () => {
    const mismatched = await count(`
      select count(*) as n from customers c
      cross join lateral (select to_stage, at from stage_events e where e.customer_id = c.id
                          order by at desc, id desc limit 1) last
      where last.to_stage <> c.stage or last.at <> c.stage_since`);
    expect(mismatched).toBe(0);
    expect(
      await count(
        `select count(*) as n from customers c where not exists (select 1 from stage_events e where e.customer_id = c.id)`,
      ),
    ).toBe(0);
  });

  it("gives potential and target customers no purchases, and every buyer a purchase summary", async () => {
    expect(
      await count(
        `select count(*) as n from transactions t join customers c on c.id = t.customer_id where c.stage in ('potential', 'target')`,
      ),
    ).toBe(0);
    expect(await count(`select count(*) as n from purchase_summaries`)).toBe(
      await count(`select count(distinct customer_id) as n from transactions`),
    );
    const totals = await database.pool.query<{ ok: boolean }>(`
      select (select sum(revenue_cents) from purchase_summaries) = (select sum(amount_cents) from transactions) as ok`);
    expect(totals.rows[0]?.ok).toBe(true);
  });

  it("leaves no reference dangling (the load skips foreign-key checks where it may)", async () => {
    const { rows: keys } = await database.pool.query<{
      child: string;
      column: string;
      parent: string;
      key: string;
    }>(`
      select c.conrelid::regclass::text as child, a.attname as column,
             c.confrelid::regclass::text as parent, pa.attname as key
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
      where c.contype = 'f' and array_length(c.conkey, 1) = 1`);
    expect(keys.length).toBeGreaterThan(20);
    for (const { child, column, parent, key } of keys) {
      const dangling =
        await count(`select count(*) as n from ${child} x where x."${column}" is not null
        and not exists (select 1 from ${parent} p where p."${key}" = x."${column}")`);
      expect(dangling, `${child}.${column} → ${parent}`).toBe(0);
    }
  });

  it("moves identity sequences past the ids it assigned", async () => {
    expect(await count(`select nextval(pg_get_serial_sequence('customers', 'id')) as n`)).toBe(
      CUSTOMERS + 1,
    );
    const maxTransaction = await count(`select max(id) as n from transactions`);
    expect(await count(`select nextval(pg_get_serial_sequence('transactions', 'id')) as n`)).toBe(
      maxTransaction + 1,
    );
  });

  it("lets the admin sign in with the password it reports, and records the seed in the audit log", async () => {
    expect(result.adminEmail).toBe("admin@ladder.local");
    const { rows } = await database.pool.query<{ password_hash: string }>(
      `select password_hash from users where email = $1`,
      [result.adminEmail],
    );
    expect(await verifyPassword(result.adminPassword, rows[0]?.password_hash ?? "")).toBe(true);
    expect(await count(`select count(*) as n from audit_log where action = 'seed_demo'`)).toBe(1);
  });

  it("replaces the data on a second seed, keeping field grades and an append-only audit log", async () => {
    const grades = await count(`select count(*) as n from field_grades`);
    expect(grades).toBeGreaterThan(0);
    const again = await seedDemo({ database, customers: 150, seed: 12, asOf: AS_OF });
    expect(again.adminPassword).toBe("ladder-demo");
    expect(await count(`select count(*) as n from customers`)).toBe(150);
    expect(await count(`select count(*) as n from audit_log`)).toBe(1);
    expect(await count(`select count(*) as n from field_grades`)).toBe(grades);
    await expect(database.pool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  }, 120_000);
});
