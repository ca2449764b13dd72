import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { seedSimulatedBase } from "../../../test/support/simulatedBase.js";

describe("analytics API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedSimulatedBase(t.database.db, {
      ownerId: t.users.manager,
      buyers: 400,
      asOf: new Date(),
    });
  });
  afterAll(() => t.close());

  const waitForRefresh = async () => {
    const analyst = await t.as("analyst");
    for (let i = 0; i < 300; i++) {
      const status = (await analyst.request("GET", "/api/analytics/status")).json();
      if (!status.running) return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("refresh did not finish");
  };

  it("refreshes in the background and reports the published run", async () => {
    const analyst = await t.as("analyst");
    const started = await analyst.request("POST", "/api/analytics/refresh", { horizonMonths: 24 });
    expect(started.statusCode, started.body).toBe(202);
    const status = await waitForRefresh();
    expect(status.error).toBeNull();
    expect(status.lastRun.fit.bgnbd.converged).toBe(true);
    expect(
      (await (await t.as("manager")).request("POST", "/api/analytics/refresh", {})).statusCode,
    ).toBe(403);
  });

  it("summarises ABC, RFM, CLV quadrants and life-cycle phases with consistent totals", async () => {
    const overview = (
      await (await t.as("analyst")).request("GET", "/api/analytics/overview")
    ).json();
    expect(overview.customersScored).toBe(400);
    const sum = (list: { customers: number }[]) => list.reduce((n, x) => n + x.customers, 0);
    for (const key of ["abc", "rfmSegments", "rfmGrid", "quadrants", "lifecycle"])
      expect(sum(overview[key]), key).toBe(400);
    expect(overview.abc.map((a: { abcClass: string }) => a.abcClass)).toEqual(["A", "B", "C"]);
    expect(overview.clvTotalCents).toBeGreaterThan(0);
  });

  it("draws the Pareto curve from 0 to 100 %, rising and concave", async () => {
    const { points } = (
      await (await t.as("analyst")).request("GET", "/api/analytics/pareto")
    ).json();
    expect(points[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(points.at(-1)).toEqual({ customerShare: 1, valueShare: 1 });
    for (let i = 1; i < points.length; i++)
      expect(points[i].valueShare).toBeGreaterThanOrEqual(points[i - 1].valueShare);
    // Customers sorted by value: the top fifth holds at least a fifth of the revenue.
    expect(
      points.find((p: { customerShare: number }) => p.customerShare >= 0.2).valueShare,
    ).toBeGreaterThanOrEqual(0.2);
  });

  it("samples the CLV scatter, cohorts and size tiers, and shows an outsider nothing", async () => {
    const analyst = await t.as("analyst");
    const scatter = (await analyst.request("GET", "/api/analytics/clv-scatter?limit=50")).json();
    expect(scatter.points.length).toBeLessThanOrEqual(50);
    expect(scatter.points.length).toBeGreaterThan(30);
    const retention = (
      await analyst.request("GET", "/api/analytics/retention?period=quarter")
    ).json();
    const sizes = retention.cohorts.reduce((n: number, c: { size: number }) => n + c.size, 0);
    expect(sizes).toBe(400);
    for (const c of retention.cohorts) expect(c.retention[0]).toBe(1);
    const tiers = (await analyst.request("GET", "/api/analytics/size-tiers")).json().tiers;
    expect(tiers.map((x: { tier: string }) => x.tier)).toEqual(["top", "large", "medium", "small"]);
    expect(tiers[0].customers).toBe(4);
    const outsider = (
      await (await t.as("outsider")).request("GET", "/api/analytics/overview")
    ).json();
    expect(outsider.customersScored).toBe(0);
  });
});

describe("drilling down from a chart to its customers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedSimulatedBase(t.database.db, {
      ownerId: t.users.manager,
      buyers: 200,
      asOf: new Date(),
    });
    const { refreshScores } = await import("./refreshScores.js");
    await refreshScores({ database: t.database });
  });
  afterAll(() => t.close());

  it("lists exactly the customers a chart segment counts", async () => {
    const analyst = await t.as("analyst");
    const overview = (await analyst.request("GET", "/api/analytics/overview")).json();
    for (const { abcClass, customers } of overview.abc) {
      const list = (
        await analyst.request("GET", `/api/customers?abcClass=${abcClass}&limit=200`)
      ).json();
      expect(list.items.length, abcClass).toBe(customers);
    }
    const quadrant = overview.quadrants[0];
    const inQuadrant = (
      await analyst.request("GET", `/api/customers?clvQuadrant=${quadrant.quadrant}&limit=200`)
    ).json();
    expect(inQuadrant.items.length).toBe(quadrant.customers);
    const bad = await analyst.request("GET", "/api/customers?abcClass=Z");
    expect(bad.json().error).toMatchObject({ id: "validation_error", field: "abcClass.0" });
  });
});

describe("the dashboard's aggregates against plain counting", () => {
  let t: TestApp;
  const query = async <T>(text: string) => (await t.database.db.execute(sql.raw(text))).rows as T[];
  /** The latest scores of live customers, as every aggregate reads them. */
  const SCORED = `customer_scores cs join customers c on c.id = cs.customer_id
    join purchase_summaries s on s.customer_id = cs.customer_id
    where cs.run_id = (select max(id) from score_runs where status = 'published') and c.archived_at is null`;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSimulatedBase(t.database.db, {
      ownerId: t.users.manager,
      buyers: 300,
      asOf: new Date(),
    });
    const { refreshScores } = await import("./refreshScores.js");
    await refreshScores({ database: t.database });
    // An archived customer counts nowhere.
    await query(
      `update customers set archived_at = now() where id = (select min(customer_id) from customer_scores)`,
    );
  });
  afterAll(() => t.close());

  it("gives every overview breakdown the counts and sums of its own grouped query", async () => {
    const overview = (
      await (await t.as("analyst")).request("GET", "/api/analytics/overview")
    ).json();
    const [total] = await query<{ n: number; clv: number }>(
      `select count(*)::int as n, sum(cs.clv_cents)::float8 as clv from ${SCORED}`,
    );
    expect(total!.n).toBe(299);
    expect(overview.customersScored).toBe(299);
    expect(overview.clvTotalCents).toBe(Math.round(total!.clv));
    expect(overview.abc).toEqual(
      await query(`select cs.abc_class as "abcClass", count(*)::int as customers,
        sum(s.revenue_cents)::float8 as "revenueCents" from ${SCORED} group by 1 order by 1`),
    );
    expect(overview.rfmSegments).toEqual(
      await query(`select cs.rfm_segment as segment, count(*)::int as customers from ${SCORED}
        group by 1 order by 2 desc, 1`),
    );
    expect(overview.rfmGrid).toEqual(
      await query(`select cs.rfm_r as r, cs.rfm_f as f, count(*)::int as customers from ${SCORED}
        group by 1, 2 order by 1, 2`),
    );
    const quadrants = await query<{ quadrant: string; clvCents: number }>(
      `select cs.clv_quadrant as quadrant, count(*)::int as customers, sum(cs.clv_cents)::float8 as "clvCents",
        sum(cs.historical_profit_cents)::float8 as "profitCents" from ${SCORED} group by 1 order by 1`,
    );
    expect(overview.quadrants).toHaveLength(quadrants.length);
    quadrants.forEach((expected, i) => {
      // Floating sums may differ in the last digits with the order of addition.
      expect(overview.quadrants[i].clvCents).toBeCloseTo(expected.clvCents, 3);
      expect({ ...overview.quadrants[i], clvCents: 0 }).toEqual({ ...expected, clvCents: 0 });
    });
    expect(overview.lifecycle).toEqual(
      await query(`select cs.lifecycle_phase as phase, count(*)::int as customers,
        sum(s.revenue_cents)::float8 as "revenueCents", sum(s.cost_cents)::float8 as "costCents"
        from ${SCORED} group by 1 order by 1`),
    );
    const outsider = (
      await (await t.as("outsider")).request("GET", "/api/analytics/overview")
    ).json();
    expect(outsider).toMatchObject({ customersScored: 0, abc: [], rfmGrid: [], lifecycle: [] });
  });

  it("folds each customer into the cohort of its first purchase, per month, quarter and year", async () => {
    const customers = await query<{ first: string; last: string }>(
      `select s.first_purchase_at as first, s.last_purchase_at as last
       from purchase_summaries s join customers c on c.id = s.customer_id where c.archived_at is null`,
    );
    const analyst = await t.as("analyst");
    for (const [period, length] of [
      ["month", 1],
      ["quarter", 3],
      ["year", 12],
    ] as const) {
      // Month numbers in UTC; a cohort starts at the first month of its period.
      const month = (at: string) => new Date(at).getUTCFullYear() * 12 + new Date(at).getUTCMonth();
      const expected = new Map<number, number[]>();
      for (const { first, last } of customers) {
        const start = month(first) - (month(first) % length);
        const periods = Math.floor((month(last) - start) / length);
        const retained = expected.get(start) ?? [];
        for (let k = 0; k <= periods; k++) retained[k] = (retained[k] ?? 0) + 1;
        expected.set(start, retained);
      }
      const { cohorts } = (
        await analyst.request("GET", `/api/analytics/retention?period=${period}`)
      ).json();
      expect(
        cohorts.map((c: { cohort: string; retained: number[] }) => [c.cohort, c.retained]),
        period,
      ).toEqual(
        [...expected]
          .sort(([a], [b]) => a - b)
          .map(([start, retained]) => [
            `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, "0")}`,
            Array.from(retained, (n) => n ?? 0),
          ]),
      );
    }
  });

  it("samples every k-th scored customer by id for the CLV scatter", async () => {
    const ids = (
      await query<{ id: number }>(`select cs.customer_id::int as id from ${SCORED} order by 1`)
    ).map((row) => row.id);
    const step = Math.ceil(ids.length / 40);
    const { points } = (
      await (await t.as("analyst")).request("GET", "/api/analytics/clv-scatter?limit=40")
    ).json();
    expect(points.map((p: { customerId: number }) => p.customerId)).toEqual(
      ids.filter((_, i) => i % step === 0).slice(0, 40),
    );
  });
});
