/** What next-best-action needs to know about one customer, read in a few small indexed queries. */
import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import {
  complaints,
  deliveries,
  interactionPlans,
  needs,
  proposals,
  valueItems,
} from "../db/schema.js";
import { UNMET_NEED_STATUSES } from "../../shared/engine/needs.js";

/** The customer's needs not yet met, oldest first. */
export function listOpenNeeds(db: Queryable, customerId: number) {
  return db
    .select({
      id: needs.id,
      title: needs.title,
      level: needs.level,
      kind: needs.kind,
      createdAt: needs.createdAt,
    })
    .from(needs)
    .where(and(eq(needs.customerId, customerId), inArray(needs.status, [...UNMET_NEED_STATUSES])))
    .orderBy(asc(needs.createdAt), asc(needs.id));
}

/** The active value catalogue (a catalogue is small: hundreds of items at most). */
export function listActiveValueItems(db: Queryable) {
  return db
    .select({
      id: valueItems.id,
      title: valueItems.title,
      kind: valueItems.kind,
      scope: valueItems.scope,
      lifecycle: valueItems.lifecycle,
      stages: valueItems.stages,
      needKinds: valueItems.needKinds,
      competitorsLacking: valueItems.competitorsLacking,
      competitorsHaving: valueItems.competitorsHaving,
    })
    .from(valueItems)
    .where(eq(valueItems.active, true))
    .orderBy(asc(valueItems.id))
    .limit(2000);
}

/** The customer's deliveries that name a catalogue item, for the suggestions' history. */
export function listDeliveryHistory(db: Queryable, customerId: number) {
  return db
    .select({
      valueItemId: sql<number>`${deliveries.valueItemId}`,
      status: deliveries.status,
      outcome: deliveries.outcome,
      at: sql<Date>`coalesce(${deliveries.evaluatedAt}, ${deliveries.updatedAt})`.mapWith(
        deliveries.updatedAt,
      ),
    })
    .from(deliveries)
    .where(and(eq(deliveries.customerId, customerId), isNotNull(deliveries.valueItemId)));
}

/** The customer's active interaction plans, with the last interaction logged against each. */
export function listActivePlans(db: Queryable, customerId: number) {
  return db
    .select({
      id: interactionPlans.id,
      name: interactionPlans.name,
      goals: interactionPlans.goals,
      frequencyDays: interactionPlans.frequencyDays,
      startsOn: interactionPlans.startsOn,
      createdAt: interactionPlans.createdAt,
      lastContactAt: sql<Date | null>`(select max(i.occurred_at) from interactions i
        where i.customer_id = ${customerId} and i.plan_id = ${interactionPlans.id})`.mapWith(
        (value: string | Date | null) => (value === null ? null : new Date(value)),
      ),
    })
    .from(interactionPlans)
    .where(and(eq(interactionPlans.customerId, customerId), eq(interactionPlans.status, "active")));
}

/** Complaints not yet closed. */
export function listOpenComplaints(db: Queryable, customerId: number) {
  return db
    .select({
      id: complaints.id,
      title: complaints.title,
      step: complaints.step,
      stepDueAt: complaints.stepDueAt,
    })
    .from(complaints)
    .where(and(eq(complaints.customerId, customerId), ne(complaints.step, "closed")));
}

export async function findOpenProposalMove(db: Queryable, customerId: number) {
  const [row] = await db
    .select({
      id: proposals.id,
      from: proposals.fromStage,
      to: proposals.toStage,
      rule: proposals.rule,
    })
    .from(proposals)
    .where(and(eq(proposals.customerId, customerId), eq(proposals.status, "open")));
  return row ?? null;
}
