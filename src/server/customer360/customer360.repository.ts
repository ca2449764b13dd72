/**
 * Everything the 360 view lists about one customer, in ONE statement: each part is a small
 * indexed subquery on `customer_id` aggregated to JSON, so the view costs one round trip (and,
 * run as a named statement, one plan per connection) instead of a dozen.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "../db/client.js";
import { contacts } from "../db/schema.js";
import type { ContactRow } from "../contacts/contacts.repository.js";
import type { StageEventRow } from "../ladder/ladder.repository.js";
import type { ProposalRow } from "../proposals/proposals.repository.js";
import { executeNamed } from "../ladder/namedQuery.js";
import type { Stage } from "../../shared/enums.js";

/** How many of each list the 360 view carries; the feature pages page through the rest. */
export const LIMITS = {
  contacts: 100,
  needs: 200,
  deliveries: 200,
  interactions: 50,
  complaints: 100,
  bonds: 100,
  catalogue: 2000,
};

/** `col as "key"` for every column of a table, so JSON rows come out with the API's names. */
const aliased = (table: PgTable, prefix: string) =>
  sql.raw(
    Object.entries(getTableColumns(table))
      .map(([key, column]) => `${prefix}.${column.name} as "${key}"`)
      .join(", "),
  );

const list = (inner: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${inner}) x)`;

function partsQuery(customerId: number): SQL {
  const id = sql`${customerId}::bigint`;
  return sql`select
    ${list(sql`select ${aliased(contacts, "ct")} from contacts ct where ct.customer_id = ${id}
      order by ct.is_key desc, ct.id limit ${LIMITS.contacts}`)} as contacts,
    ${list(sql`select e.id, e.from_stage as "from", e.to_stage as "to", e.reason, e.at,
        e.actor_id as "actorId", u.name as "actorName", e.proposal_id as "proposalId"
      from stage_events e left join users u on u.id = e.actor_id
      where e.customer_id = ${id} order by e.at, e.id`)} as events,
    ${list(sql`select id, level, kind, title, status, source, created_at as "createdAt", met_at as "metAt"
      from needs where customer_id = ${id}
      order by status in ('met', 'declined'), created_at desc, id desc limit ${LIMITS.needs}`)} as needs,
    ${list(sql`select d.id, d.round, d.stage_at_plan as "stageAtPlan", d.value_item_id as "valueItemId",
        v.title as "valueTitle", d.need_id as "needId", d.content, d.medium, d.status,
        d.planned_for as "plannedFor", d.delivered_at as "deliveredAt", d.outcome,
        coalesce(d.evaluated_at, d.updated_at) as "touchedAt"
      from deliveries d left join value_items v on v.id = d.value_item_id
      where d.customer_id = ${id} order by d.round desc, d.id limit ${LIMITS.deliveries}`)} as deliveries,
    ${list(sql`select i.id, i.channel, i.content_type as "contentType", i.direction,
        i.occurred_at as "occurredAt", i.summary, i.outcome, u.name as "actorName"
      from interactions i left join users u on u.id = i.actor_id
      where i.customer_id = ${id} order by i.occurred_at desc, i.id desc limit ${LIMITS.interactions}`)} as interactions,
    ${list(sql`select id, title, cause, step, received_at as "receivedAt", step_due_at as "stepDueAt",
        closed_at as "closedAt", satisfaction
      from complaints where customer_id = ${id}
      order by step = 'closed', step_due_at asc nulls last, received_at desc limit ${LIMITS.complaints}`)} as complaints,
    ${list(sql`select id, level, kind, description, started_on as "startedOn", ended_on as "endedOn"
      from bonds where customer_id = ${id} order by id limit ${LIMITS.bonds}`)} as bonds,
    ${list(sql`select p.id, p.name, p.goals, p.frequency_days as "frequencyDays", p.starts_on as "startsOn",
        p.created_at as "createdAt",
        (select max(i.occurred_at) from interactions i
          where i.customer_id = ${id} and i.plan_id = p.id) as "lastContactAt"
      from interaction_plans p where p.customer_id = ${id} and p.status = 'active'`)} as plans,
    ${list(sql`select id, title, kind, scope, lifecycle, stages, need_kinds as "needKinds",
        competitors_lacking as "competitorsLacking", competitors_having as "competitorsHaving"
      from value_items where active order by id limit ${LIMITS.catalogue}`)} as catalogue,
    (select row_to_json(x) from (
      select r.id as "runId", r.as_of as "asOf", s.abc_class as "abcClass", s.rfm_r as "rfmR",
             s.rfm_f as "rfmF", s.rfm_m as "rfmM", s.rfm_segment as "rfmSegment", s.p_alive as "pAlive",
             s.expected_purchases as "expectedPurchases", s.clv_cents as "clvCents",
             s.clv_quadrant as "clvQuadrant", s.lifecycle_phase as "lifecyclePhase"
      from score_runs r join customer_scores s on s.run_id = r.id and s.customer_id = ${id}
      where r.id = (select id from score_runs where status = 'published'
                    order by published_at desc nulls last, id desc limit 1)) x) as scores,
    (select row_to_json(x) from (
      select p.id, p.customer_id as "customerId", c.name as "customerName", c.owner_id as "ownerId",
             o.name as "ownerName", p.from_stage as "fromStage", p.to_stage as "toStage", p.rule,
             p.evidence, p.status, p.created_at as "createdAt", p.decided_by as "decidedBy",
             d.name as "decidedByName", p.decided_at as "decidedAt", p.decision_note as "decisionNote"
      from proposals p join customers c on c.id = p.customer_id
      left join users o on o.id = c.owner_id left join users d on d.id = p.decided_by
      where p.customer_id = ${id} and p.status = 'open') x) as proposal`;
}

const date = (value: string | Date) => (value instanceof Date ? value : new Date(value));
const maybeDate = (value: string | Date | null) => (value === null ? null : date(value));

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export interface NeedPart {
  id: number;
  level: string;
  kind: string;
  title: string;
  status: string;
  source: string | null;
  createdAt: Date;
  metAt: Date | null;
}
export interface DeliveryPart {
  id: number;
  round: number;
  stageAtPlan: string;
  valueItemId: number | null;
  valueTitle: string | null;
  needId: number | null;
  content: string | null;
  medium: string | null;
  status: string;
  plannedFor: Date | null;
  deliveredAt: Date | null;
  outcome: string | null;
  touchedAt: Date;
}
export interface InteractionPart {
  id: number;
  channel: string;
  contentType: string;
  direction: string;
  occurredAt: Date;
  summary: string;
  outcome: string | null;
  actorName: string | null;
}
export interface ComplaintPart {
  id: number;
  title: string;
  cause: string | null;
  step: string;
  receivedAt: Date;
  stepDueAt: Date | null;
  closedAt: Date | null;
  satisfaction: string | null;
}
export interface BondPart {
  id: number;
  level: string;
  kind: string;
  description: string | null;
  startedOn: string | null;
  endedOn: string | null;
}
export interface PlanPart {
  id: number;
  name: string;
  goals: unknown;
  frequencyDays: number | null;
  startsOn: string | null;
  createdAt: Date;
  lastContactAt: Date | null;
}
export interface CataloguePart {
  id: number;
  title: string;
  kind: string;
  scope: string;
  lifecycle: string;
  stages: string[];
  needKinds: string[];
  competitorsLacking: string[];
  competitorsHaving: string[];
}
export interface ScoresPart {
  runId: number;
  asOf: Date;
  abcClass: string | null;
  rfmR: number | null;
  rfmF: number | null;
  rfmM: number | null;
  rfmSegment: string | null;
  pAlive: number | null;
  expectedPurchases: number | null;
  clvCents: number | null;
  clvQuadrant: string | null;
  lifecyclePhase: string | null;
}

interface PartsRow {
  contacts: Json<ContactRow>[];
  events: (Omit<Json<StageEventRow>, "from" | "to"> & { from: Stage | null; to: Stage })[];
  needs: Json<NeedPart>[];
  deliveries: Json<DeliveryPart>[];
  interactions: Json<InteractionPart>[];
  complaints: Json<ComplaintPart>[];
  bonds: BondPart[];
  plans: Json<PlanPart>[];
  catalogue: CataloguePart[];
  scores: Json<ScoresPart> | null;
  proposal: Json<ProposalRow> | null;
}

/** The 360 view's lists for one customer (whose readability the caller has checked). */
export async function loadCustomer360Parts(db: Queryable, customerId: number) {
  const [row] = await executeNamed<PartsRow>(db, "customer360_parts", partsQuery(customerId));
  const r = row!;
  return {
    contacts: r.contacts.map((c): ContactRow => ({
      ...c,
      createdAt: date(c.createdAt),
      updatedAt: date(c.updatedAt),
    })),
    events: r.events.map((e): StageEventRow => ({ ...e, at: date(e.at) })),
    needs: r.needs.map((n): NeedPart => ({
      ...n,
      createdAt: date(n.createdAt),
      metAt: maybeDate(n.metAt),
    })),
    deliveries: r.deliveries.map((d): DeliveryPart => ({
      ...d,
      plannedFor: maybeDate(d.plannedFor),
      deliveredAt: maybeDate(d.deliveredAt),
      touchedAt: date(d.touchedAt),
    })),
    interactions: r.interactions.map((i): InteractionPart => ({
      ...i,
      occurredAt: date(i.occurredAt),
    })),
    complaints: r.complaints.map((k): ComplaintPart => ({
      ...k,
      receivedAt: date(k.receivedAt),
      stepDueAt: maybeDate(k.stepDueAt),
      closedAt: maybeDate(k.closedAt),
    })),
    bonds: r.bonds,
    plans: r.plans.map((p): PlanPart => ({
      ...p,
      createdAt: date(p.createdAt),
      lastContactAt: maybeDate(p.lastContactAt),
    })),
    catalogue: r.catalogue,
    scores: r.scores ? { ...r.scores, asOf: date(r.scores.asOf) } : null,
    proposal: r.proposal
      ? ({
          ...r.proposal,
          createdAt: date(r.proposal.createdAt),
          decidedAt: maybeDate(r.proposal.decidedAt),
        } as ProposalRow)
      : null,
  };
}
