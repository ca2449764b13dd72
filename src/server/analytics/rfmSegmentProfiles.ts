/**
 * The RFM segments of the newest published run with the raw recency, frequency and monetary
 * values behind their scores, within the reader's access: one grouped query.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { latestRunId } from "./analytics.repository.js";

export interface RfmSegmentProfile {
  segment: string;
  customers: number;
  revenueCents: number;
  averageRecencyDays: number;
  averageFrequency: number;
  averageMonetaryCents: number;
}

export async function rfmSegmentProfiles(db: Queryable, actor: Actor) {
  // Recency in whole UTC days, as the RFM scores count it; a purchase recorded after the run's
  // as-of date counts as zero days rather than a negative recency.
  const result = await db.execute(sql`
    select cs.rfm_segment as segment, count(*)::int as customers,
           sum(s.revenue_cents)::float8 as "revenueCents",
           avg(greatest(0, (r.as_of at time zone 'UTC')::date - (s.last_purchase_at at time zone 'UTC')::date))::float8
             as "averageRecencyDays",
           avg(s.purchase_days)::float8 as "averageFrequency",
           avg(s.revenue_cents)::float8 as "averageMonetaryCents"
    from customer_scores cs
      join score_runs r on r.id = cs.run_id
      join customers on customers.id = cs.customer_id
      join purchase_summaries s on s.customer_id = cs.customer_id
    where cs.run_id = ${latestRunId} and cs.rfm_segment is not null
      and customers.archived_at is null and ${readableCustomers(actor)}
    group by cs.rfm_segment
    order by customers desc, segment`);
  return result.rows as unknown as RfmSegmentProfile[];
}
