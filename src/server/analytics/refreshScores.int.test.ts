import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { openTestDatabase } from "../../../test/support/testDatabase.js";
import { seedSimulatedBase } from "../../../test/support/simulatedBase.js";
import { createUser } from "../users/createUser.js";
import { latestRun, recoverInterruptedRuns, refreshScores } from "./refreshScores.js";
import { createRunPartition } from "./scorePartitions.js";
import { readScoringInputs } from "./scoringInputs.js";

const BUYERS = 600;
const AS_OF = new Date("2024-12-31T00:00:00Z");

describe("analytics refresh", () => {
  let database: Database;
  let repeatBuyers = 0;
  beforeAll(async () => {
    database = await openTestDatabase();
    const owner = await createUser({
      db: database.db,
      actor: null,
      input: {
        email: "owner@test.local",
        name: "owner",
        password: "long enough password",
        role: "account_manager",
      },
    });
    ({ repeatBuyers } = await seedSimulatedBase(database.db, {
      ownerId: owner.id,
      buyers: BUYERS,
      asOf: AS_OF,
    }));
  });
  afterAll(() => database.close());

  const scoreCount = async (runId: number) =>
    (
      await database.pool.query(
        "select count(*)::int as n from customer_scores where run_id = $1",
        [runId],
      )
    ).rows[0].n as number;

  it("scores every buying customer and publishes the run with its fits", async () => {
    const result = await refreshScores({ database, asOf: AS_OF });
    expect(result.customers).toBe(BUYERS);
    expect(await scoreCount(result.runId)).toBe(BUYERS);
    expect((await latestRun(database.db))?.id).toBe(result.runId);
    expect(result.fit.bgnbd).toMatchObject({
      converged: true,
      customers: BUYERS,
      repeatCustomers: repeatBuyers,
    });
    const { rows } = await database.pool.query(
      `select abc_class, count(*)::int as n, sum(s.revenue_cents)::bigint as revenue
       from customer_scores cs join purchase_summaries s using (customer_id) where run_id = $1 group by abc_class order by abc_class`,
      [result.runId],
    );
    const total = rows.reduce((sum, r) => sum + Number(r.revenue), 0);
    // Class A holds the top customers up to the one crossing 80 % of revenue.
    expect(Number(rows[0].revenue) / total).toBeGreaterThanOrEqual(0.8);
    expect(rows.map((r) => r.abc_class)).toEqual(["A", "B", "C"]);
    const nulls = await database.pool.query(
      "select count(*)::int as n from customer_scores where run_id = $1 and (rfm_segment is null or p_alive is null or clv_cents is null or lifecycle_phase is null)",
      [result.runId],
    );
    expect(nulls.rows[0].n).toBe(0);
  });

  it("reads each buyer's spend in the two life-cycle windows as plain summing finds it", async () => {
    const days = 90;
    const read = new Map<string, [number, number]>();
    for await (const batch of readScoringInputs(database, AS_OF, days))
      for (const row of batch) read.set(row.customerId, [row.recentSpend, row.previousSpend]);
    expect(read.size).toBe(BUYERS);
    const { rows } = await database.pool.query<{ id: string; recent: string; previous: string }>(
      `select customer_id::text as id,
         coalesce(sum(amount_cents) filter (where occurred_at > $1::timestamptz - interval '90 days'
           and occurred_at <= $1), 0)::text as recent,
         coalesce(sum(amount_cents) filter (where occurred_at > $1::timestamptz - interval '180 days'
           and occurred_at <= $1::timestamptz - interval '90 days'), 0)::text as previous
       from transactions group by customer_id`,
      [AS_OF],
    );
    const active = rows.filter((r) => r.recent !== "0" || r.previous !== "0");
    expect(active.length).toBeGreaterThan(10); // the windows are not trivially empty
    for (const r of rows) expect(read.get(r.id)).toEqual([Number(r.recent), Number(r.previous)]);
  });

  it("keeps the previous run readable and drops older ones", async () => {
    const first = (await latestRun(database.db))!.id;
    const second = await refreshScores({ database, asOf: AS_OF });
    expect(await scoreCount(first)).toBe(BUYERS);
    const third = await refreshScores({ database, asOf: AS_OF });
    expect(await scoreCount(first)).toBe(0);
    expect(await scoreCount(second.runId)).toBe(BUYERS);
    expect((await latestRun(database.db))?.id).toBe(third.runId);
  });

  it("removes a run a dead process left half-written", async () => {
    const published = (await latestRun(database.db))!.id;
    const { rows } = await database.pool.query(
      "insert into score_runs (as_of, status) values (now(), 'running') returning id",
    );
    // as a refresh leaves it when killed mid-write: its table filled in part, not attached
    await createRunPartition(database.db, rows[0].id);
    await database.pool.query(
      `insert into customer_scores_run_${rows[0].id} (run_id, customer_id) select $1, id from customers limit 5`,
      [rows[0].id],
    );
    expect(await recoverInterruptedRuns(database.db)).toBe(1);
    expect(await scoreCount(rows[0].id)).toBe(0);
    const tables = await database.pool.query("select to_regclass($1) as t", [
      `customer_scores_run_${rows[0].id}`,
    ]);
    expect(tables.rows[0].t).toBeNull();
    expect((await latestRun(database.db))?.id).toBe(published);
  });
});
