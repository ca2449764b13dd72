/** Reads of research notes: a customer's through the customer, a segment's through the segment. */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, researchNotes } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage } from "../http/crud/paging.js";
import { segmentIsReadable } from "../segments/segmentAccess.js";
import type {
  ListResearchNotesQuery,
  ResearchSummary,
  ResearchSummaryQuery,
} from "../../shared/schemas/research.js";

export type ResearchNoteRow = typeof researchNotes.$inferSelect;

/** A condition on notes: general ones, and those of customers and segments the actor may see. */
export function readableNotes(actor: Actor): SQL {
  return sql`((${researchNotes.customerId} is null or ${customerIsReadable(actor, researchNotes.customerId)})
    and (${researchNotes.segmentId} is null or ${segmentIsReadable(actor, researchNotes.segmentId)}))`;
}

export async function findResearchNote(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<ResearchNoteRow | null> {
  const [row] = await db
    .select()
    .from(researchNotes)
    .where(and(eq(researchNotes.id, id), readableNotes(actor)));
  return row ?? null;
}

function noteFilters(
  actor: Actor,
  query: Omit<ResearchSummaryQuery, "limit">,
): (SQL | undefined)[] {
  return [
    readableNotes(actor),
    query.customerId !== undefined ? eq(researchNotes.customerId, query.customerId) : undefined,
    query.segmentId !== undefined ? eq(researchNotes.segmentId, query.segmentId) : undefined,
    query.method?.length ? inArray(researchNotes.method, query.method) : undefined,
    query.channel?.length ? inArray(researchNotes.channel, query.channel) : undefined,
    query.infoType?.length ? inArray(researchNotes.infoType, query.infoType) : undefined,
    query.from ? gte(researchNotes.createdAt, new Date(query.from)) : undefined,
    query.to ? lt(researchNotes.createdAt, new Date(query.to)) : undefined,
  ];
}

export async function listResearchNotes(
  db: Queryable,
  actor: Actor,
  query: ListResearchNotesQuery,
) {
  const conditions = [
    ...noteFilters(actor, query),
    query.needId !== undefined ? eq(researchNotes.needId, query.needId) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(researchNotes)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: researchNotes.id, idOf: (r) => r.id, direction: query.order },
  );
}

/** Counts of the notes within the filter: by information type, by method, and per customer. */
export async function summariseResearch(
  db: Queryable,
  actor: Actor,
  query: ResearchSummaryQuery,
): Promise<ResearchSummary> {
  const where = and(...noteFilters(actor, query));
  const count = sql<number>`count(*)::int`;
  const [totals, byInfoType, byMethod, topCustomers] = await Promise.all([
    db.select({ count }).from(researchNotes).where(where),
    db
      .select({ infoType: researchNotes.infoType, count })
      .from(researchNotes)
      .where(where)
      .groupBy(researchNotes.infoType)
      .orderBy(desc(count), researchNotes.infoType),
    db
      .select({ method: researchNotes.method, count })
      .from(researchNotes)
      .where(where)
      .groupBy(researchNotes.method)
      .orderBy(desc(count), researchNotes.method),
    db
      .select({ customerId: sql<number>`${researchNotes.customerId}`, name: customers.name, count })
      .from(researchNotes)
      .innerJoin(customers, eq(customers.id, researchNotes.customerId))
      .where(where)
      .groupBy(researchNotes.customerId, customers.name)
      .orderBy(desc(count), researchNotes.customerId)
      .limit(query.limit),
  ]);
  const ids = topCustomers.map((c) => c.customerId);
  const perType = ids.length
    ? await db
        .select({
          customerId: sql<number>`${researchNotes.customerId}`,
          infoType: researchNotes.infoType,
          count,
        })
        .from(researchNotes)
        .where(and(where, inArray(researchNotes.customerId, ids)))
        .groupBy(researchNotes.customerId, researchNotes.infoType)
        .orderBy(desc(count), researchNotes.infoType)
    : [];
  return {
    total: totals[0]?.count ?? 0,
    byInfoType,
    byMethod,
    byCustomer: topCustomers.map((c) => ({
      ...c,
      byInfoType: perType
        .filter((p) => p.customerId === c.customerId)
        .map(({ infoType, count }) => ({ infoType, count })),
    })),
  };
}
