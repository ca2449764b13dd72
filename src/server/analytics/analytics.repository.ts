/**
 * Aggregates over the newest published scores and the purchase summaries, within the reader's
 * access. Each is one grouped query returning a handful of rows, whatever the base's size.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";

export const latestRunId = sql`(select id from score_runs where status = 'published' order by published_at desc, id desc limit 1)`;

/** Latest-run scores (`cs`) with summaries (`s`) of the customers the actor may read. */
const scored = (actor: Actor) => sql`customer_scores cs
  join customers on customers.id = cs.customer_id
  join purchase_summaries s on s.customer_id = cs.customer_id
  where cs.run_id = ${latestRunId} and customers.archived_at is null and ${readableCustomers(actor)}`;

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** One row of the overview's grouped statement: which breakdown it belongs to, its keys and sums. */
interface OverviewRow {
  breakdown: "total" | "abc" | "rfm" | "grid" | "quadrant" | "lifecycle";
  abcClass: string;
  segment: string;
  r: number;
  f: number;
  quadrant: string;
  phase: string;
  customers: number;
  revenueCents: number;
  costCents: number;
  clvCents: number | null;
  profitCents: number | null;
}

/** Ascending with nulls last, as PostgreSQL orders them. */
const byKeys =
  <T>(...keys: ((row: T) => string | number | null)[]) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  };

/**
 * The dashboard's breakdowns of the latest scores. One statement with grouping sets reads the
 * scores once for all of them: six separate statements read (and joined) them six times.
 */
export async function scoreOverview(db: Queryable, actor: Actor) {
  const all = await rows<OverviewRow>(
    db,
    sql`
    select case when grouping(cs.abc_class) = 0 then 'abc'
                when grouping(cs.rfm_segment) = 0 then 'rfm'
                when grouping(cs.rfm_r) = 0 then 'grid'
                when grouping(cs.clv_quadrant) = 0 then 'quadrant'
                when grouping(cs.lifecycle_phase) = 0 then 'lifecycle'
                else 'total' end as breakdown,
           cs.abc_class as "abcClass", cs.rfm_segment as segment, cs.rfm_r as r, cs.rfm_f as f,
           cs.clv_quadrant as quadrant, cs.lifecycle_phase as phase, count(*)::int as customers,
           sum(s.revenue_cents)::float8 as "revenueCents", sum(s.cost_cents)::float8 as "costCents",
           sum(cs.clv_cents)::float8 as "clvCents", sum(cs.historical_profit_cents)::float8 as "profitCents"
    from ${scored(actor)}
    group by grouping sets ((), (cs.abc_class), (cs.rfm_segment), (cs.rfm_r, cs.rfm_f),
                            (cs.clv_quadrant), (cs.lifecycle_phase))`,
  );
  const of = (breakdown: OverviewRow["breakdown"]) =>
    all.filter((row) => row.breakdown === breakdown);
  const totals = of("total")[0];
  return {
    customersScored: totals?.customers ?? 0,
    clvTotalCents: Math.round(totals?.clvCents ?? 0),
    abc: of("abc")
      .sort(byKeys((row) => row.abcClass))
      .map(({ abcClass, customers, revenueCents }) => ({ abcClass, customers, revenueCents })),
    rfmSegments: of("rfm")
      .sort(
        byKeys(
          (row) => -row.customers,
          (row) => row.segment,
        ),
      )
      .map(({ segment, customers }) => ({ segment, customers })),
    rfmGrid: of("grid")
      .sort(
        byKeys(
          (row) => row.r,
          (row) => row.f,
        ),
      )
      .map(({ r, f, customers }) => ({ r, f, customers })),
    quadrants: of("quadrant")
      .sort(byKeys((row) => row.quadrant))
      .map(({ quadrant, customers, clvCents, profitCents }) => ({
        quadrant,
        customers,
        clvCents: clvCents ?? 0,
        profitCents: profitCents ?? 0,
      })),
    lifecycle: of("lifecycle")
      .sort(byKeys((row) => row.phase))
      .map(({ phase, customers, revenueCents, costCents }) => ({
        phase,
        customers,
        revenueCents,
        costCents,
      })),
  };
}

/** The Pareto curve in `points` steps: the top x % of customers by revenue hold y % of it. */
export async function paretoCurve(db: Queryable, actor: Actor, points = 100) {
  const result = await rows<{ bucket: number; customers: number; revenue: number }>(
    db,
    sql`
    with ranked as (
      select s.revenue_cents, ntile(${points}) over (order by s.revenue_cents desc, s.customer_id) as bucket
      from purchase_summaries s join customers on customers.id = s.customer_id
      where customers.archived_at is null and ${readableCustomers(actor)}
    )
    select bucket, count(*)::int as customers, sum(greatest(revenue_cents, 0))::float8 as revenue from ranked group by bucket order by bucket`,
  );
  const customers = result.reduce((n, r) => n + r.customers, 0);
  const revenue = result.reduce((n, r) => n + r.revenue, 0);
  let c = 0;
  let v = 0;
  const curve = [{ customerShare: 0, valueShare: 0 }];
  for (const r of result) {
    c += r.customers;
    v += r.revenue;
    curve.push({ customerShare: c / customers, valueShare: revenue > 0 ? v / revenue : 0 });
  }
  return customers ? curve : [];
}

/**
 * A deterministic sample of scored customers (every k-th by id) for the CLV quadrant scatter,
 * k chosen from the count in the same statement so the scores are read once.
 */
export async function clvScatter(db: Queryable, actor: Actor, limit: number) {
  return rows<{
    customerId: number;
    name: string;
    profitCents: number;
    clvCents: number | null;
    pAlive: number | null;
    quadrant: string | null;
  }>(
    db,
    sql`
    select "customerId", name, "profitCents", "clvCents", "pAlive", quadrant from (
      select cs.customer_id as "customerId", customers.name, cs.historical_profit_cents::float8 as "profitCents", cs.clv_cents as "clvCents",
             cs.p_alive as "pAlive", cs.clv_quadrant as quadrant, row_number() over (order by cs.customer_id) as n,
             count(*) over () as total
      from ${scored(actor)}) x
    where (n - 1) % greatest(1, ceil(total::numeric / ${limit})::int) = 0
    order by "customerId" limit ${limit}`,
  );
}

const MONTHS_PER: Record<RetentionPeriod, number> = { month: 1, quarter: 3, year: 12 };
type RetentionPeriod = "month" | "quarter" | "year";

/** "2024-04" for month 2024 * 12 + 3 (months counted from year 0, January = 0). */
const monthLabel = (month: number) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

/** Acquisition cohorts by period of first purchase, and how many were still buying k periods later. */
export async function retentionByCohort(db: Queryable, actor: Actor, period: RetentionPeriod) {
  // Customers per (month of first, month of last purchase), in UTC: a few thousand rows that the
  // loop below folds into cohorts of any period. Grouping on the truncated timestamps is cheaper
  // than computing cohort and offset per customer in SQL.
  const pairs = await rows<{ firstMonth: number; lastMonth: number; customers: number }>(
    db,
    sql`
    with months as (
      select date_trunc('month', s.first_purchase_at at time zone 'UTC') as first,
             date_trunc('month', s.last_purchase_at at time zone 'UTC') as last, count(*)::int as customers
      from purchase_summaries s join customers on customers.id = s.customer_id
      where customers.archived_at is null and ${readableCustomers(actor)}
      group by 1, 2
    )
    select (extract(year from first) * 12 + extract(month from first) - 1)::int as "firstMonth",
           (extract(year from last) * 12 + extract(month from last) - 1)::int as "lastMonth", customers
    from months`,
  );
  const length = MONTHS_PER[period];
  // lastActive[k] = customers of the cohort whose last purchase falls in its k-th period.
  const cohorts = new Map<number, number[]>();
  for (const { firstMonth, lastMonth, customers } of pairs) {
    const start = firstMonth - (firstMonth % length);
    const offset = Math.floor((lastMonth - start) / length);
    const lastActive = cohorts.get(start) ?? [];
    lastActive[offset] = (lastActive[offset] ?? 0) + customers;
    cohorts.set(start, lastActive);
  }
  // retained[k] = customers whose last purchase falls k or more periods after their cohort's start.
  return [...cohorts]
    .sort(([a], [b]) => a - b)
    .map(([start, lastActive]) => {
      const retained: number[] = [];
      let remaining = 0;
      for (let k = lastActive.length - 1; k >= 0; k--)
        retained[k] = remaining += lastActive[k] ?? 0;
      const size = retained[0] ?? 0;
      return {
        cohort: monthLabel(start),
        size,
        retained,
        retention: retained.map((n) => (size ? n / size : 0)),
      };
    });
}

/** Revenue, cost and profit by size tier: top 1 %, next 4 %, next 15 %, rest (by revenue rank). */
export async function profitBySizeTier(db: Queryable, actor: Actor) {
  return rows<{
    tier: string;
    customers: number;
    revenueCents: number;
    costCents: number;
    profitCents: number;
  }>(
    db,
    sql`
    with ranked as (
      select s.revenue_cents, s.cost_cents, percent_rank() over (order by s.revenue_cents desc, s.customer_id) as p
      from purchase_summaries s join customers on customers.id = s.customer_id
      where customers.archived_at is null and ${readableCustomers(actor)}
    )
    select case when p < 0.01 then 'top' when p < 0.05 then 'large' when p < 0.2 then 'medium' else 'small' end as tier,
           count(*)::int as customers, sum(revenue_cents)::float8 as "revenueCents", sum(cost_cents)::float8 as "costCents",
           sum(revenue_cents - cost_cents)::float8 as "profitCents"
    from ranked group by 1 order by min(p)`,
  );
}
