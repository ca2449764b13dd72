/**
 * Reads one row per buying customer for a refresh: the purchase summary plus spend in the two
 * life-cycle windows. Keyset batches by customer id, each a short statement, so the embedded
 * database keeps answering interactive requests between them.
 */
import type { Database } from "../db/client.js";
import type { BaseRow } from "../../analytics/scoreBase.js";
import type { Cents, Day } from "../../analytics/units.js";

const BATCH = 20_000;
const DAY_MS = 86_400_000;

export async function* readScoringInputs(
  database: Database,
  asOf: Date,
  windowDays: number,
): AsyncGenerator<BaseRow[]> {
  const windowStart = new Date(asOf.getTime() - windowDays * DAY_MS);
  const previousStart = new Date(asOf.getTime() - 2 * windowDays * DAY_MS);
  let after = 0;
  for (;;) {
    const { rows } = await database.pool.query<{
      id: number;
      first_day: number;
      last_day: number;
      purchase_days: number;
      revenue_cents: number;
      cost_cents: number;
      repeat_revenue_cents: number;
      recent: number | null;
      previous: number | null;
    }>(
      `with batch as (
         select s.customer_id, s.first_purchase_at, s.last_purchase_at, s.purchase_days, s.revenue_cents, s.cost_cents, s.repeat_revenue_cents
         from purchase_summaries s join customers c on c.id = s.customer_id
         where s.customer_id > $1 and c.archived_at is null
         order by s.customer_id limit ${BATCH}
       ), windows as (
         select t.customer_id,
                sum(t.amount_cents) filter (where t.occurred_at > $3) as recent,
                sum(t.amount_cents) filter (where t.occurred_at <= $3) as previous
         from transactions t
         where t.customer_id between (select min(customer_id) from batch) and (select max(customer_id) from batch)
           and t.occurred_at > $4 and t.occurred_at <= $2
         group by t.customer_id
       )
       select b.customer_id as id,
              floor(extract(epoch from b.first_purchase_at) / 86400)::int as first_day,
              floor(extract(epoch from b.last_purchase_at) / 86400)::int as last_day,
              b.purchase_days, b.revenue_cents, b.cost_cents, b.repeat_revenue_cents, w.recent, w.previous
       from batch b left join windows w on w.customer_id = b.customer_id
       order by b.customer_id`,
      [after, asOf, windowStart, previousStart],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      customerId: String(r.id),
      firstDay: r.first_day as Day,
      lastDay: r.last_day as Day,
      purchaseDays: r.purchase_days,
      revenue: r.revenue_cents as Cents,
      cost: r.cost_cents as Cents,
      repeatRevenue: r.repeat_revenue_cents as Cents,
      recentSpend: r.recent ?? 0,
      previousSpend: r.previous ?? 0,
    }));
    after = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}
