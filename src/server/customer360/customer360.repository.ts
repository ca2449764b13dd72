/** The per-customer lists of the 360 view, each one small indexed query on `customer_id`. */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import {
  bonds,
  complaints,
  contacts,
  customerScores,
  deliveries,
  interactions,
  needs,
  scoreRuns,
  users,
  valueItems,
} from "../db/schema.js";

/** How many of each list the 360 view carries; the feature pages page through the rest. */
export const LIMITS = {
  contacts: 100,
  needs: 200,
  deliveries: 200,
  interactions: 50,
  complaints: 100,
  bonds: 100,
};

export function listContactsOf(db: Queryable, customerId: number) {
  return db
    .select()
    .from(contacts)
    .where(eq(contacts.customerId, customerId))
    .orderBy(desc(contacts.isKey), asc(contacts.id))
    .limit(LIMITS.contacts);
}

/** Needs not yet met first, then the newest. */
export function listNeedsOf(db: Queryable, customerId: number) {
  return db
    .select({
      id: needs.id,
      level: needs.level,
      kind: needs.kind,
      title: needs.title,
      status: needs.status,
      source: needs.source,
      createdAt: needs.createdAt,
      metAt: needs.metAt,
    })
    .from(needs)
    .where(eq(needs.customerId, customerId))
    .orderBy(sql`${needs.status} in ('met', 'declined')`, desc(needs.createdAt), desc(needs.id))
    .limit(LIMITS.needs);
}

/** The latest deliveries with the catalogue item's title, latest round first. */
export function listDeliveriesOf(db: Queryable, customerId: number) {
  return db
    .select({
      id: deliveries.id,
      round: deliveries.round,
      stageAtPlan: deliveries.stageAtPlan,
      valueItemId: deliveries.valueItemId,
      valueTitle: valueItems.title,
      needId: deliveries.needId,
      content: deliveries.content,
      medium: deliveries.medium,
      status: deliveries.status,
      plannedFor: deliveries.plannedFor,
      deliveredAt: deliveries.deliveredAt,
      outcome: deliveries.outcome,
    })
    .from(deliveries)
    .leftJoin(valueItems, eq(valueItems.id, deliveries.valueItemId))
    .where(eq(deliveries.customerId, customerId))
    .orderBy(desc(deliveries.round), asc(deliveries.id))
    .limit(LIMITS.deliveries);
}

export function listLatestInteractionsOf(db: Queryable, customerId: number) {
  return db
    .select({
      id: interactions.id,
      channel: interactions.channel,
      contentType: interactions.contentType,
      direction: interactions.direction,
      occurredAt: interactions.occurredAt,
      summary: interactions.summary,
      outcome: interactions.outcome,
      actorName: users.name,
    })
    .from(interactions)
    .leftJoin(users, eq(users.id, interactions.actorId))
    .where(eq(interactions.customerId, customerId))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(LIMITS.interactions);
}

/** Open complaints first (soonest due first), then the newest closed ones. */
export function listComplaintsOf(db: Queryable, customerId: number) {
  return db
    .select({
      id: complaints.id,
      title: complaints.title,
      cause: complaints.cause,
      step: complaints.step,
      receivedAt: complaints.receivedAt,
      stepDueAt: complaints.stepDueAt,
      closedAt: complaints.closedAt,
      satisfaction: complaints.satisfaction,
    })
    .from(complaints)
    .where(eq(complaints.customerId, customerId))
    .orderBy(
      sql`${complaints.step} = 'closed'`,
      sql`${complaints.stepDueAt} asc nulls last`,
      desc(complaints.receivedAt),
    )
    .limit(LIMITS.complaints);
}

export function listBondsOf(db: Queryable, customerId: number) {
  return db
    .select({
      id: bonds.id,
      level: bonds.level,
      kind: bonds.kind,
      description: bonds.description,
      startedOn: bonds.startedOn,
      endedOn: bonds.endedOn,
    })
    .from(bonds)
    .where(eq(bonds.customerId, customerId))
    .orderBy(asc(bonds.id))
    .limit(LIMITS.bonds);
}

/** The customer's scores in the newest published analytics run, or null. */
export async function findLatestScores(db: Queryable, customerId: number) {
  const [row] = await db
    .select({
      runId: scoreRuns.id,
      asOf: scoreRuns.asOf,
      abcClass: customerScores.abcClass,
      rfmR: customerScores.rfmR,
      rfmF: customerScores.rfmF,
      rfmM: customerScores.rfmM,
      rfmSegment: customerScores.rfmSegment,
      pAlive: customerScores.pAlive,
      expectedPurchases: customerScores.expectedPurchases,
      clvCents: customerScores.clvCents,
      clvQuadrant: customerScores.clvQuadrant,
      lifecyclePhase: customerScores.lifecyclePhase,
    })
    .from(scoreRuns)
    .innerJoin(
      customerScores,
      and(eq(customerScores.runId, scoreRuns.id), eq(customerScores.customerId, customerId)),
    )
    .where(
      eq(
        scoreRuns.id,
        sql`(select id from score_runs where status = 'published' order by published_at desc nulls last, id desc limit 1)`,
      ),
    );
  return row ?? null;
}
