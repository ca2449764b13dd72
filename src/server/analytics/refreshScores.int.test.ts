import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { openTestDatabase } from "../../../test/support/testDatabase.js";
import { createUser } from "../users/createUser.js";
import { refreshPurchaseSummaries } from "../transactions/purchaseSummaries.js";
import { simulateBgNbd } from "../../analytics/clv/simulate.js";
import { latestRun, recoverInterruptedRuns, refreshScores } from "./refreshScores.js";

const BUYERS = 600;
const AS_OF = new Date("2024-12-31T00:00:00Z");
const AS_OF_DAY = AS_OF.getTime() / 86_400_000;

describe("analytics refresh", () => {
  let database: Database;
  let repeatBuyers = 0;
  beforeAll(async () => {
    database = await openTestDatabase();
    const owner = await createUser({ db: database.db, actor: null, input: { email: "owner@test.local", name: "owner", password: "long enough password", role: "account_manager" } });
    // 600 buyers drawn from the BG/NBD process with CDNOW-like parameters (per day), plus 20
    // who never bought; repeat purchases are spread evenly up to each buyer's last one.
    const histories = simulateBgNbd({ r: 0.24, alpha: 31, a: 0.79, b: 2.4 }, { customers: BUYERS, minT: 60, maxT: 700, seed: 42, grid: 1 });
    repeatBuyers = histories.filter((h) => h.x > 0).length;
    await database.db.execute(sql`insert into customers (kind, name, owner_id) select 'organization', 'C' || g, ${owner.id} from generate_series(1, ${BUYERS + 20}) g`);
    const ids: number[] = [];
    const days: number[] = [];
    histories.forEach((h, i) => {
      const first = AS_OF_DAY - h.T;
      const gap = h.x > 0 ? Math.floor(h.tx / h.x) : 0;
      for (let k = 0; k <= h.x; k++) {
        ids.push(i + 1);
        days.push(k === 0 ? first : first + h.tx - (h.x - k) * gap);
      }
    });
    await database.db.execute(sql`
      insert into transactions (customer_id, occurred_at, amount_cents, cost_cents)
      select id, timestamptz '1970-01-01 10:00Z' + day * interval '1 day', 1000 + (id * 37 + day * 11) % 5000, 200
      from unnest(${sql.param(ids)}::bigint[], ${sql.param(days)}::int[]) as t(id, day)`);
    await refreshPurchaseSummaries(database.db, "all");
  });
  afterAll(() => database.close());

  const scoreCount = async (runId: number) =>
    (await database.pool.query("select count(*)::int as n from customer_scores where run_id = $1", [runId])).rows[0].n as number;

  it("scores every buying customer and publishes the run with its fits", async () => {
    const result = await refreshScores({ database, asOf: AS_OF });
    expect(result.customers).toBe(BUYERS);
    expect(await scoreCount(result.runId)).toBe(BUYERS);
    expect((await latestRun(database.db))?.id).toBe(result.runId);
    expect(result.fit.bgnbd).toMatchObject({ converged: true, customers: BUYERS, repeatCustomers: repeatBuyers });
    const { rows } = await database.pool.query(
      `select abc_class, count(*)::int as n, sum(s.revenue_cents)::bigint as revenue
       from customer_scores cs join purchase_summaries s using (customer_id) where run_id = $1 group by abc_class order by abc_class`,
      [result.runId],
    );
    const total = rows.reduce((sum, r) => sum + Number(r.revenue), 0);
    // Class A holds the top customers up to the one crossing 80 % of revenue.
    expect(Number(rows[0].revenue) / total).toBeGreaterThanOrEqual(0.8);
    expect(rows.map((r) => r.abc_class)).toEqual(["A", "B", "C"]);
    const nulls = await database.pool.query("select count(*)::int as n from customer_scores where run_id = $1 and (rfm_segment is null or p_alive is null or clv_cents is null or lifecycle_phase is null)", [result.runId]);
    expect(nulls.rows[0].n).toBe(0);
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
    const { rows } = await database.pool.query("insert into score_runs (as_of, status) values (now(), 'running') returning id");
    await database.pool.query("insert into customer_scores (run_id, customer_id) select $1, id from customers limit 5", [rows[0].id]);
    expect(await recoverInterruptedRuns(database.db)).toBe(1);
    expect(await scoreCount(rows[0].id)).toBe(0);
    expect((await latestRun(database.db))?.id).toBe(published);
  });
});
