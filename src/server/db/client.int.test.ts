import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { openTestDatabase } from "../../../test/support/testDatabase.js";

describe("database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("searches Chinese names by substring through pg_trgm", async () => {
    const { rows } = await database.pool.query<{ hit: boolean }>(
      "select '上海星河科技有限公司' ilike '%星河%' as hit, similarity('星河科技', '星河') > 0 as sim",
    );
    expect(rows[0]?.hit).toBe(true);
  });

  it("refuses to change or delete audit rows", async () => {
    await database.db.execute(sql`insert into audit_log (action, entity) values ('test', 'x')`);
    await expect(database.db.execute(sql`update audit_log set action = 'y'`)).rejects.toMatchObject(
      { cause: { message: expect.stringMatching(/append-only/) } },
    );
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
  });

  it("rolls back a failed transaction as a whole", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into teams (name) values ('rollback-me')`);
        await tx.execute(sql`select 1/0`);
      }),
    ).rejects.toThrow();
    const { rows } = await database.pool.query("select * from teams where name = 'rollback-me'");
    expect(rows).toHaveLength(0);
  });
});
