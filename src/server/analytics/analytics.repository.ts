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

export async function scoreOverview(db: Queryable, actor: Actor) {
  const from = scored(actor);
  const [totals] = await rows<{ customers: number; clv: number | null }>(
    db,
    sql`select count(*)::int as customers, sum(cs.clv_cents)::float8 as clv from ${from}`,
  );
  return {
    customersScored: totals?.customers ?? 0,
    clvTotalCents: Math.round(totals?.clv ?? 0),
    abc: await rows<{ abcClass: string; customers: number; revenueCents: number }>(
      db,
      sql`
      select cs.abc_class as "abcClass", count(*)::int as customers, sum(s.revenue_cents)::float8 as "revenueCents"
      from ${from} group by cs.abc_class order by cs.abc_class`,
    ),
    rfmSegments: await rows<{ segment: string; customers: number }>(
      db,
      sql`
      select cs.rfm_segment as segment, count(*)::int as customers from ${from} group by cs.rfm_segment order by customers desc`,
    ),
    rfmGrid: await rows<{ r: number; f: number; customers: number }>(
      db,
      sql`
      select cs.rfm_r as r, cs.rfm_f as f, count(*)::int as customers from ${from} group by cs.rfm_r, cs.rfm_f order by r, f`,
    ),
    quadrants: await rows<{
      quadrant: string;
      customers: number;
      clvCents: number;
      profitCents: number;
    }>(
      db,
      sql`
      select cs.clv_quadrant as quadrant, count(*)::int as customers, coalesce(sum(cs.clv_cents), 0)::float8 as "clvCents",
             sum(cs.historical_profit_cents)::float8 as "profitCents"
      from ${from} group by cs.clv_quadrant order by cs.clv_quadrant`,
    ),
    lifecycle: await rows<{
      phase: string;
      customers: number;
      revenueCents: number;
      costCents: number;
    }>(
      db,
      sql`
      select cs.lifecycle_phase as phase, count(*)::int as customers, sum(s.revenue_cents)::float8 as "revenueCents",
             sum(s.cost_cents)::float8 as "costCents"
      from ${from} group by cs.lifecycle_phase order by cs.lifecycle_phase`,
    ),
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

/** A deterministic sample of scored customers (every k-th by id) for the CLV quadrant scatter. */
export async function clvScatter(db: Queryable, actor: Actor, limit: number) {
  const [total] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${scored(actor)}`,
  );
  const step = Math.max(1, Math.ceil((total?.n ?? 0) / limit));
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
    select * from (
      select cs.customer_id as "customerId", customers.name, cs.historical_profit_cents::float8 as "profitCents", cs.clv_cents as "clvCents",
             cs.p_alive as "pAlive", cs.clv_quadrant as quadrant, row_number() over (order by cs.customer_id) as n
      from ${scored(actor)}) x
    where (n - 1) % ${step} = 0 limit ${limit}`,
  );
}

/** Acquisition cohorts by period of first purchase, and how many were still buying k periods later. */
export async function retentionByCohort(
  db: Queryable,
  actor: Actor,
  period: "month" | "quarter" | "year",
) {
  const unit = sql.raw(`'${period}'`);
  const groups = await rows<{ cohort: string; offset: number; customers: number }>(
    db,
    sql`
    select to_char(date_trunc(${unit}, s.first_purchase_at at time zone 'UTC'), 'YYYY-MM') as cohort,
           ((extract(year from s.last_purchase_at at time zone 'UTC') * 12 + extract(month from s.last_purchase_at at time zone 'UTC'))
            - (extract(year from date_trunc(${unit}, s.first_purchase_at at time zone 'UTC')) * 12 + extract(month from date_trunc(${unit}, s.first_purchase_at at time zone 'UTC'))))::int
            / ${period === "month" ? 1 : period === "quarter" ? 3 : 12} as "offset",
           count(*)::int as customers
    from purchase_summaries s join customers on customers.id = s.customer_id
    where customers.archived_at is null and ${readableCustomers(actor)}
    group by 1, 2 order by 1, 2`,
  );
  const cohorts = new Map<string, number[]>();
  for (const g of groups) {
    const lastActive = cohorts.get(g.cohort) ?? [];
    lastActive[g.offset] = (lastActive[g.offset] ?? 0) + g.customers;
    cohorts.set(g.cohort, lastActive);
  }
  // retained[k] = customers whose last purchase falls k or more periods after their cohort's start.
  return [...cohorts].map(([cohort, lastActive]) => {
    const retained: number[] = [];
    let remaining = 0;
    for (let k = lastActive.length - 1; k >= 0; k--) retained[k] = remaining += lastActive[k] ?? 0;
    const size = retained[0] ?? 0;
    return { cohort, size, retained, retention: retained.map((n) => (size ? n / size : 0)) };
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
