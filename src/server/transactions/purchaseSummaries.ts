/**
 * Keeps `purchase_summaries` current: one row per customer with purchases, so analytics read
 * one row per customer instead of every transaction. Set-based, and only for the customers
 * touched (or everyone, after a bulk load). Days are UTC calendar days.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";

/** Recomputes the summaries of the given customers (all customers when `customerIds` is "all"). */
export async function refreshPurchaseSummaries(
  tx: Queryable,
  customerIds: readonly number[] | "all",
): Promise<void> {
  if (customerIds !== "all" && customerIds.length === 0) return;
  const only =
    customerIds === "all" ? sql`true` : sql`customer_id = any(${sql.param(customerIds)}::bigint[])`;
  if (customerIds !== "all") {
    // Customers whose every transaction went away lose their summary.
    await tx.execute(sql`
      delete from purchase_summaries s
      where ${only} and not exists (select 1 from transactions t where t.customer_id = s.customer_id)`);
  }
  await tx.execute(sql`
    with days as (
      select customer_id,
             (occurred_at at time zone 'UTC')::date as day,
             min(occurred_at) as first_at, max(occurred_at) as last_at,
             count(*) as n, sum(amount_cents) as revenue, coalesce(sum(cost_cents), 0) as cost
      from transactions
      where ${only}
      group by customer_id, day
    ), ranked as (
      select *, day = min(day) over (partition by customer_id) as first_day from days
    )
    insert into purchase_summaries as s (customer_id, first_purchase_at, last_purchase_at,
      purchase_days, transaction_count, revenue_cents, cost_cents, repeat_revenue_cents, updated_at)
    select customer_id, min(first_at), max(last_at), count(*), sum(n), sum(revenue), sum(cost),
           coalesce(sum(revenue) filter (where not first_day), 0), now()
    from ranked
    group by customer_id
    on conflict (customer_id) do update set
      first_purchase_at = excluded.first_purchase_at,
      last_purchase_at = excluded.last_purchase_at,
      purchase_days = excluded.purchase_days,
      transaction_count = excluded.transaction_count,
      revenue_cents = excluded.revenue_cents,
      cost_cents = excluded.cost_cents,
      repeat_revenue_cents = excluded.repeat_revenue_cents,
      updated_at = now()`);
}
