/**
 * Gathers the ladder evidence of many customers in one aggregate query (purchases, deliveries,
 * needs, complaints, interactions, contacts, the stage a problem fell from, P(alive)), for a
 * keyset batch of customers or a list of ids. Every per-customer table is read by a range on
 * its `customer_id` index and aggregated once, never one query per customer.
 *
 * `asOf` is the instant the windows are judged from (interactions of the 12 months before it,
 * complaints past due at it); the records themselves are read as they stand.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers } from "../db/schema.js";
import type { CustomerKind, Stage } from "../../shared/enums.js";
import type { CustomerEvidence } from "../../shared/ladder/evidence.js";
import { PROFILE_FIELDS } from "../../shared/ladder/profile.js";
import { UNMET_NEED_STATUSES } from "../../shared/engine/needs.js";
import { addMonths } from "../../shared/ladder/time.js";
import { executeNamed } from "./namedQuery.js";

/** Interactions this recent count as the relationship's two-way traffic. */
export const RECENT_INTERACTION_MONTHS = 12;

const columnNames = getTableColumns(customers);
const filledCount = (kind: CustomerKind) =>
  sql.raw(
    `num_nonnulls(${PROFILE_FIELDS[kind]
      .map((f) => `nullif(c.${columnNames[f as keyof typeof columnNames].name}::text, '')`)
      .join(", ")})`,
  );

/**
 * Which customers: the unarchived ones with ids in (afterId, upToId] — a keyset batch, see
 * `batchEnd` — or one customer (archived or not).
 */
export type EvidenceScope =
  { kind: "range"; afterId: number; upToId: number } | { kind: "one"; id: number };

/**
 * The id that ends the keyset batch of `limit` unarchived customers after `afterId`, or null
 * when none is left. Cheap (the primary key), and it turns the batch into an id range the
 * planner can estimate on every table.
 */
export async function batchEnd(
  db: Queryable,
  afterId: number,
  limit: number,
): Promise<number | null> {
  const result = await db.execute(sql`
    select max(id) as hi from (
      select id from customers where id > ${afterId} and archived_at is null order by id limit ${limit}
    ) batch`);
  const hi = (result.rows[0] as { hi: number | string | null } | undefined)?.hi;
  return hi === null || hi === undefined ? null : Number(hi);
}

interface EvidenceRow {
  id: number;
  kind: CustomerKind;
  stage: Stage;
  stage_since: Date;
  closeness: number | null;
  willingness: number | null;
  filled: number;
  purchase_days: number | null;
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  revenue_cents: number | null;
  cost_cents: number | null;
  accepted: number | null;
  partly: number | null;
  rejected: number | null;
  needs_total: number | null;
  needs_met: number | null;
  open_core: number | null;
  open_complaints: number | null;
  overdue_complaints: number | null;
  closed_in_stage: number | null;
  inbound: number | null;
  outbound: number | null;
  last_inbound_at: Date | null;
  contacts: number | null;
  contact_medium: boolean | null;
  phone_or_email: boolean;
  fell_from: Stage | null;
  p_alive: number | null;
}

const unmet = sql.raw(UNMET_NEED_STATUSES.map((s) => `'${s}'`).join(","));

/** The one aggregate query behind `loadEvidence` (exported so benchmarks can EXPLAIN it). */
export function evidenceQuery(scope: EvidenceScope, asOf: Date): SQL {
  const chosen: SQL = scope.kind === "range" ? sql`c.archived_at is null` : sql`true`;
  const since = addMonths(asOf, -RECENT_INTERACTION_MONTHS);
  // Plain parameters (not subqueries) bound every table, so the planner sees how many rows each
  // will give: an id range for a batch (read in index order), equality for one customer (whose
  // generic plan is as good as a custom one, so a prepared statement plans once).
  const inRange = (column: string) =>
    scope.kind === "range"
      ? sql`${sql.raw(column)} > ${scope.afterId} and ${sql.raw(column)} <= ${scope.upToId}`
      : sql`${sql.raw(column)} = ${scope.id}`;

  return sql`
    with c as materialized (
      select c.id, c.kind, c.stage, c.stage_since, c.closeness, c.willingness,
             case c.kind when 'organization' then ${filledCount("organization")}
                         else ${filledCount("individual")} end as filled,
             (c.phone is not null or c.email is not null) as phone_or_email
      from customers c
      where ${inRange("c.id")} and ${chosen}
    ), d as (
      select customer_id,
             count(*) filter (where outcome = 'accepted') as accepted,
             count(*) filter (where outcome = 'partly') as partly,
             count(*) filter (where outcome = 'rejected') as rejected
      from deliveries where ${inRange("customer_id")} and outcome is not null
      group by customer_id
    ), n as (
      select customer_id, count(*) as needs_total,
             count(*) filter (where status = 'met') as needs_met,
             count(*) filter (where level = 'core' and status in (${unmet})) as open_core
      from needs where ${inRange("customer_id")}
      group by customer_id
    ), k as (
      select k.customer_id,
             count(*) filter (where k.step <> 'closed') as open_complaints,
             count(*) filter (where k.step <> 'closed' and k.step_due_at < ${asOf}) as overdue_complaints,
             count(*) filter (where k.closed_at >= c.stage_since) as closed_in_stage
      from complaints k join c on c.id = k.customer_id
      where ${inRange("k.customer_id")}
      group by k.customer_id
    ), i as (
      select customer_id,
             count(*) filter (where direction = 'inbound' and occurred_at > ${since}) as inbound,
             count(*) filter (where direction = 'outbound' and occurred_at > ${since}) as outbound,
             max(occurred_at) filter (where direction = 'inbound' and occurred_at <= ${asOf}) as last_inbound_at
      from interactions where ${inRange("customer_id")} and occurred_at <= ${asOf}
      group by customer_id
    ), ct as (
      select customer_id, count(*) as contacts,
             bool_or(phone is not null or email is not null) as contact_medium
      from contacts where ${inRange("customer_id")}
      group by customer_id
    ), fell as (
      select distinct on (e.customer_id) e.customer_id, e.from_stage as fell_from
      from stage_events e join c on c.id = e.customer_id and c.stage = 'problem'
      where ${inRange("e.customer_id")} and e.to_stage = 'problem'
      order by e.customer_id, e.at desc, e.id desc
    ), ps as (
      select customer_id, purchase_days, first_purchase_at, last_purchase_at, revenue_cents, cost_cents
      from purchase_summaries where ${inRange("customer_id")}
    ), sc as (
      select customer_id, p_alive from customer_scores
      where run_id = (select id from score_runs where status = 'published'
                      order by published_at desc nulls last, id desc limit 1)
        and ${inRange("customer_id")}
    )
    select c.*, ps.purchase_days, ps.first_purchase_at, ps.last_purchase_at,
           ps.revenue_cents, ps.cost_cents, d.accepted, d.partly, d.rejected,
           n.needs_total, n.needs_met, n.open_core,
           k.open_complaints, k.overdue_complaints, k.closed_in_stage,
           i.inbound, i.outbound, i.last_inbound_at, ct.contacts, ct.contact_medium,
           fell.fell_from, sc.p_alive
    from c
    left join ps on ps.customer_id = c.id
    left join d on d.customer_id = c.id
    left join n on n.customer_id = c.id
    left join k on k.customer_id = c.id
    left join i on i.customer_id = c.id
    left join ct on ct.customer_id = c.id
    left join fell on fell.customer_id = c.id
    left join sc on sc.customer_id = c.id
    order by c.id`;
}

/** Evidence of the customers in `scope`, in id order. */
export async function loadEvidence(
  db: Queryable,
  scope: EvidenceScope,
  asOf: Date,
): Promise<CustomerEvidence[]> {
  if (scope.kind === "range" && scope.upToId <= scope.afterId) return [];
  const query = evidenceQuery(scope, asOf);
  // One customer's evidence is read on every 360 view, and its plan costs more than its run.
  if (scope.kind === "one") {
    return (await executeNamed<EvidenceRow>(db, "ladder_evidence_one", query)).map(toEvidence);
  }
  const result = await db.execute(query);
  return (result.rows as unknown as EvidenceRow[]).map(toEvidence);
}

const date = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value : new Date(value);

function toEvidence(r: EvidenceRow): CustomerEvidence {
  return {
    customerId: Number(r.id),
    kind: r.kind,
    stage: r.stage,
    stageSince: date(r.stage_since)!,
    fellFrom: r.fell_from,
    purchaseDays: r.purchase_days ?? 0,
    firstPurchaseAt: date(r.first_purchase_at),
    lastPurchaseAt: date(r.last_purchase_at),
    revenueCents: r.revenue_cents ?? 0,
    costCents: r.cost_cents ?? 0,
    deliveriesAccepted: r.accepted ?? 0,
    deliveriesPartly: r.partly ?? 0,
    deliveriesRejected: r.rejected ?? 0,
    needsTotal: r.needs_total ?? 0,
    needsMet: r.needs_met ?? 0,
    openCoreNeeds: r.open_core ?? 0,
    openComplaints: r.open_complaints ?? 0,
    overdueComplaints: r.overdue_complaints ?? 0,
    complaintsClosedInStage: r.closed_in_stage ?? 0,
    inboundRecent: r.inbound ?? 0,
    outboundRecent: r.outbound ?? 0,
    lastInboundAt: date(r.last_inbound_at),
    closeness: r.closeness,
    willingness: r.willingness,
    pAlive: r.p_alive,
    contacts: r.contacts ?? 0,
    profileCompleteness: r.filled / PROFILE_FIELDS[r.kind].length,
    hasMedium: r.phone_or_email || r.contact_medium === true,
  };
}
