/** Reads of interaction plans: a customer's through the customer, a segment's through the segment. */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { interactionPlans } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage } from "../http/crud/paging.js";
import { segmentIsReadable } from "../segments/segmentAccess.js";
import type { DuePlansQuery, ListPlansQuery } from "../../shared/schemas/interactions.js";

export type InteractionPlanRow = typeof interactionPlans.$inferSelect;

/** A condition on plans: general plans, and those of customers and segments the actor may see. */
export function readablePlans(actor: Actor): SQL {
  return sql`((${interactionPlans.customerId} is null or ${customerIsReadable(actor, interactionPlans.customerId)})
    and (${interactionPlans.segmentId} is null or ${segmentIsReadable(actor, interactionPlans.segmentId)}))`;
}

export async function findPlan(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<InteractionPlanRow | null> {
  const [row] = await db
    .select()
    .from(interactionPlans)
    .where(and(eq(interactionPlans.id, id), readablePlans(actor)));
  return row ?? null;
}

export async function listPlans(db: Queryable, actor: Actor, query: ListPlansQuery) {
  const conditions: (SQL | undefined)[] = [
    readablePlans(actor),
    query.customerId !== undefined ? eq(interactionPlans.customerId, query.customerId) : undefined,
    query.segmentId !== undefined ? eq(interactionPlans.segmentId, query.segmentId) : undefined,
    query.status?.length ? inArray(interactionPlans.status, query.status) : undefined,
    query.channel?.length ? inArray(interactionPlans.channel, query.channel) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(interactionPlans)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: interactionPlans.id, idOf: (r) => r.id, direction: query.order },
  );
}

/**
 * Active plans with an unmet goal due on or before `horizon`, soonest first. The same rule as
 * `dueGoals` in the engine, in SQL so paging happens in the database; a malformed stored date
 * is skipped rather than failing the list.
 */
export async function listDuePlans(
  db: Queryable,
  actor: Actor,
  query: DuePlansQuery & { horizon: string },
) {
  const firstDue = sql<string>`(select min((g->>'due')::date) from jsonb_array_elements(${interactionPlans.goals}) as g
    where jsonb_typeof(g) = 'object' and g->>'due' ~ '^\\d{4}-\\d{2}-\\d{2}$'
      and coalesce(g->>'met', 'false') <> 'true' and (g->>'due')::date <= ${query.horizon}::date)`;
  const conditions: (SQL | undefined)[] = [
    readablePlans(actor),
    eq(interactionPlans.status, "active"),
    sql`jsonb_typeof(${interactionPlans.goals}) = 'array'`,
    sql`${firstDue} is not null`,
    query.customerId !== undefined ? eq(interactionPlans.customerId, query.customerId) : undefined,
    query.segmentId !== undefined ? eq(interactionPlans.segmentId, query.segmentId) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select({ plan: interactionPlans, firstDue: sql<string>`${firstDue}::text` })
        .from(interactionPlans)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    {
      id: interactionPlans.id,
      idOf: (r) => r.plan.id,
      direction: "asc",
      key: { expr: firstDue, type: "date", of: (r) => r.firstDue },
    },
  );
}
