/** Reads of needs, always limited to needs of customers and segments the actor may see. */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, needs } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage, type PageRequest } from "../http/crud/paging.js";
import { segmentIsReadable } from "../segments/segmentAccess.js";
import { UNMET_NEED_STATUSES } from "../../shared/engine/needs.js";
import type { ListNeedsQuery, UnmetCoreQuery } from "../../shared/schemas/needs.js";
import type { Stage } from "../../shared/enums.js";

export type NeedRow = typeof needs.$inferSelect;

/** A condition on `needs`: the customer's or segment's needs the actor may see. */
export function readableNeeds(actor: Actor): SQL {
  return sql`((${needs.customerId} is not null and ${customerIsReadable(actor, needs.customerId)})
    or (${needs.segmentId} is not null and ${segmentIsReadable(actor, needs.segmentId)}))`;
}

export async function findNeed(db: Queryable, actor: Actor, id: number): Promise<NeedRow | null> {
  const [row] = await db
    .select()
    .from(needs)
    .where(and(eq(needs.id, id), readableNeeds(actor)));
  return row ?? null;
}

const oneOf = <T extends string>(column: Parameters<typeof inArray>[0], values: T[] | undefined) =>
  values?.length ? inArray(column, values) : undefined;

export async function listNeeds(
  db: Queryable,
  actor: Actor,
  query: Omit<ListNeedsQuery, keyof PageRequest> & PageRequest,
) {
  const filters = [
    readableNeeds(actor),
    query.customerId !== undefined ? eq(needs.customerId, query.customerId) : undefined,
    query.segmentId !== undefined ? eq(needs.segmentId, query.segmentId) : undefined,
    oneOf(needs.level, query.level),
    oneOf(needs.kind, query.kind),
    oneOf(needs.status, query.status),
    oneOf(needs.source, query.source),
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(needs)
        .where(and(...filters, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: needs.id, idOf: (r) => r.id, direction: query.order },
  );
}

/**
 * Customers with an unmet core need (SPEC §3 flag), by customer id, with the count, the oldest
 * such need's date and their titles. Archived customers are left out.
 */
export async function listUnmetCoreCustomers(db: Queryable, actor: Actor, query: UnmetCoreQuery) {
  const unmet = and(
    eq(needs.customerId, customers.id),
    eq(needs.level, "core"),
    inArray(needs.status, [...UNMET_NEED_STATUSES]),
  );
  const filters = [
    readableCustomers(actor),
    sql`${customers.archivedAt} is null`,
    sql`exists (select 1 from ${needs} where ${unmet})`,
    oneOf(customers.stage, query.stage),
    query.ownerId?.length ? inArray(customers.ownerId, query.ownerId) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select({
          customerId: customers.id,
          name: customers.name,
          stage: sql<Stage>`${customers.stage}`,
          ownerId: customers.ownerId,
          unmetCoreNeeds: sql<number>`(select count(*)::int from ${needs} where ${unmet})`,
          oldestSince:
            sql<string>`(select min(${needs.createdAt}) from ${needs} where ${unmet})`.mapWith(
              (v: string | Date) => new Date(v).toISOString(),
            ),
          titles: sql<
            string[]
          >`array(select ${needs.title} from ${needs} where ${unmet} order by ${needs.createdAt}, ${needs.id} limit 5)`,
        })
        .from(customers)
        .where(and(...filters, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: customers.id, idOf: (r) => r.customerId, direction: "asc" },
  );
}
