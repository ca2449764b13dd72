/** Reads of value deliveries, always through customers the actor may read. */
import { and, eq, getTableColumns, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { deliveries, valueItems } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage, type PageRequest } from "../http/crud/paging.js";
import { isOpenDelivery } from "../../shared/engine/deliveries.js";
import type { ListDeliveriesQuery } from "../../shared/schemas/deliveries.js";

const columns = { ...getTableColumns(deliveries), valueItemTitle: valueItems.title };
export type DeliveryRow = typeof deliveries.$inferSelect & { valueItemTitle: string | null };

const withTitles = (db: Queryable) =>
  db
    .select(columns)
    .from(deliveries)
    .leftJoin(valueItems, eq(valueItems.id, deliveries.valueItemId));

export async function findDelivery(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<DeliveryRow | null> {
  const [row] = await withTitles(db).where(
    and(eq(deliveries.id, id), customerIsReadable(actor, deliveries.customerId)),
  );
  return row ?? null;
}

export async function listDeliveries(db: Queryable, actor: Actor, query: ListDeliveriesQuery) {
  const conditions: (SQL | undefined)[] = [
    customerIsReadable(actor, deliveries.customerId),
    query.customerId !== undefined ? eq(deliveries.customerId, query.customerId) : undefined,
    query.status?.length ? inArray(deliveries.status, query.status) : undefined,
    query.outcome?.length ? inArray(deliveries.outcome, query.outcome) : undefined,
    query.valueItemId !== undefined ? eq(deliveries.valueItemId, query.valueItemId) : undefined,
    query.needId !== undefined ? eq(deliveries.needId, query.needId) : undefined,
    query.plannedBefore ? lt(deliveries.plannedFor, new Date(query.plannedBefore)) : undefined,
    query.plannedAfter ? gte(deliveries.plannedFor, new Date(query.plannedAfter)) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      withTitles(db)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: deliveries.id, idOf: (r) => r.id, direction: query.order },
  );
}

/** Every round of a customer's spiral and whether it is still open (for numbering a new delivery). */
export async function roundsOf(db: Queryable, customerId: number) {
  const rows = await db
    .select({
      round: deliveries.round,
      statuses: sql<string[]>`array_agg(distinct ${deliveries.status})`,
    })
    .from(deliveries)
    .where(eq(deliveries.customerId, customerId))
    .groupBy(deliveries.round);
  return rows.map((r) => ({ round: r.round, open: r.statuses.some(isOpenDelivery) }));
}

/** A page of one customer's rounds, each with all its deliveries (oldest first within a round). */
export async function listRounds(
  db: Queryable,
  customerId: number,
  page: PageRequest & { order: "asc" | "desc" },
) {
  const rounds = await keysetPage(
    page,
    ({ after, orderBy, limit }) =>
      db
        .select({ round: deliveries.round })
        .from(deliveries)
        .where(and(eq(deliveries.customerId, customerId), after))
        .groupBy(deliveries.round)
        .orderBy(...orderBy)
        .limit(limit),
    { id: deliveries.round, idOf: (r) => r.round, direction: page.order },
  );
  const numbers = rounds.items.map((r) => r.round);
  const rows = numbers.length
    ? await withTitles(db)
        .where(and(eq(deliveries.customerId, customerId), inArray(deliveries.round, numbers)))
        .orderBy(deliveries.round, deliveries.id)
    : [];
  return {
    rounds: numbers.map((round) => ({ round, deliveries: rows.filter((r) => r.round === round) })),
    nextCursor: rounds.nextCursor,
  };
}

/** This customer's deliveries of catalogue items, as the suggestion engine reads its history. */
export async function deliveryHistory(db: Queryable, customerId: number) {
  return db
    .select({
      valueItemId: sql<number>`${deliveries.valueItemId}`,
      status: deliveries.status,
      outcome: deliveries.outcome,
      at: sql<Date>`coalesce(${deliveries.evaluatedAt}, ${deliveries.updatedAt})`.mapWith(
        (v: string | Date) => new Date(v),
      ),
    })
    .from(deliveries)
    .where(and(eq(deliveries.customerId, customerId), sql`${deliveries.valueItemId} is not null`));
}
