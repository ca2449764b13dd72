import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { seedSimulatedBase } from "../../../test/support/simulatedBase.js";

interface Profile {
  segment: string;
  customers: number;
  revenueCents: number;
  averageRecencyDays: number;
  averageFrequency: number;
  averageMonetaryCents: number;
}

const DAY = 86_400_000;
const utcDay = (value: string | Date) => Math.floor(new Date(value).getTime() / DAY);

describe("RFM segment profiles", () => {
  let t: TestApp;
  const profiles = async (user: keyof TestApp["users"]) =>
    (
      (await (await t.as(user)).request("GET", "/api/analytics/rfm-segments")).json() as {
        segments: Profile[];
      }
    ).segments;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSimulatedBase(t.database.db, {
      ownerId: t.users.manager,
      buyers: 250,
      asOf: new Date(),
    });
  });
  afterAll(() => t.close());

  it("is empty before the first refresh", async () => {
    expect(await profiles("analyst")).toEqual([]);
  });

  it("sums and averages each segment's customers as plain counting does", async () => {
    const { refreshScores } = await import("./refreshScores.js");
    await refreshScores({ database: t.database });
    // An archived customer counts nowhere.
    await t.database.db.execute(
      sql`update customers set archived_at = now() where id = (select min(customer_id) from customer_scores)`,
    );
    const rows = (
      await t.database.db.execute(sql`
        select cs.rfm_segment as segment, r.as_of as "asOf", s.last_purchase_at as "lastPurchaseAt",
               s.purchase_days as "purchaseDays", s.revenue_cents::float8 as revenue
        from customer_scores cs join score_runs r on r.id = cs.run_id
          join customers c on c.id = cs.customer_id
          join purchase_summaries s on s.customer_id = cs.customer_id
        where r.status = 'published' and c.archived_at is null`)
    ).rows as {
      segment: string;
      asOf: string;
      lastPurchaseAt: string;
      purchaseDays: number;
      revenue: number;
    }[];
    const expected = new Map<string, { n: number; revenue: number; recency: number; f: number }>();
    for (const row of rows) {
      const sums = expected.get(row.segment) ?? { n: 0, revenue: 0, recency: 0, f: 0 };
      sums.n += 1;
      sums.revenue += row.revenue;
      sums.recency += Math.max(0, utcDay(row.asOf) - utcDay(row.lastPurchaseAt));
      sums.f += row.purchaseDays;
      expected.set(row.segment, sums);
    }

    const segments = await profiles("analyst");
    expect(segments.reduce((n, s) => n + s.customers, 0)).toBe(249);
    expect(segments.map((s) => s.segment).sort()).toEqual([...expected.keys()].sort());
    for (const profile of segments) {
      const sums = expected.get(profile.segment)!;
      expect(profile.customers, profile.segment).toBe(sums.n);
      expect(profile.revenueCents, profile.segment).toBe(sums.revenue);
      expect(profile.averageRecencyDays, profile.segment).toBeCloseTo(sums.recency / sums.n, 9);
      expect(profile.averageFrequency, profile.segment).toBeCloseTo(sums.f / sums.n, 9);
      expect(profile.averageMonetaryCents, profile.segment).toBeCloseTo(sums.revenue / sums.n, 6);
    }
    // Largest segment first; the counts match the overview's.
    const counts = segments.map((s) => s.customers);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const overview = (
      await (await t.as("analyst")).request("GET", "/api/analytics/overview")
    ).json() as { rfmSegments: { segment: string; customers: number }[] };
    expect(new Map(segments.map((s) => [s.segment, s.customers]))).toEqual(
      new Map(overview.rfmSegments.map((s) => [s.segment, s.customers])),
    );
  });

  it("shows an account manager outside the owner's team nothing", async () => {
    expect(await profiles("outsider")).toEqual([]);
    expect((await profiles("manager")).length).toBeGreaterThan(0);
  });
});
