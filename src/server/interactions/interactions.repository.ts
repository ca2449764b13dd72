/** Reads of interactions, always through customers the actor may read. */
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { interactions } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage } from "../http/crud/paging.js";
import type { ListInteractionsQuery } from "../../shared/schemas/interactions.js";

export type InteractionRow = typeof interactions.$inferSelect;

export async function findInteraction(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<InteractionRow | null> {
  const [row] = await db
    .select()
    .from(interactions)
    .where(and(eq(interactions.id, id), customerIsReadable(actor, interactions.customerId)));
  return row ?? null;
}

/** Interactions by when they occurred (times come from clients in milliseconds: see paging). */
export async function listInteractions(db: Queryable, actor: Actor, query: ListInteractionsQuery) {
  const conditions: (SQL | undefined)[] = [
    customerIsReadable(actor, interactions.customerId),
    query.customerId !== undefined ? eq(interactions.customerId, query.customerId) : undefined,
    query.contactId !== undefined ? eq(interactions.contactId, query.contactId) : undefined,
    query.planId !== undefined ? eq(interactions.planId, query.planId) : undefined,
    query.channel?.length ? inArray(interactions.channel, query.channel) : undefined,
    query.contentType?.length ? inArray(interactions.contentType, query.contentType) : undefined,
    query.direction?.length ? inArray(interactions.direction, query.direction) : undefined,
    query.from ? gte(interactions.occurredAt, new Date(query.from)) : undefined,
    query.to ? lt(interactions.occurredAt, new Date(query.to)) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(interactions)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    {
      id: interactions.id,
      idOf: (r) => r.id,
      direction: query.order,
      key: { expr: interactions.occurredAt, type: "timestamptz", of: (r) => r.occurredAt },
    },
  );
}
