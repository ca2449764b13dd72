/** Reads of complaints, always through customers the actor may read. */
import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { complaints } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage } from "../http/crud/paging.js";
import type { ListComplaintsQuery } from "../../shared/schemas/complaints.js";

export type ComplaintRow = typeof complaints.$inferSelect;

export async function findComplaint(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<ComplaintRow | null> {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), customerIsReadable(actor, complaints.customerId)));
  return row ?? null;
}

/** Open and past the current step's due time (the SQL twin of `isComplaintOverdue`). */
const overdue = sql`(${complaints.step} <> 'closed' and ${complaints.stepDueAt} < now())`;

export async function listComplaints(db: Queryable, actor: Actor, query: ListComplaintsQuery) {
  const conditions: (SQL | undefined)[] = [
    customerIsReadable(actor, complaints.customerId),
    query.customerId !== undefined ? eq(complaints.customerId, query.customerId) : undefined,
    query.step?.length ? inArray(complaints.step, query.step) : undefined,
    query.cause?.length ? inArray(complaints.cause, query.cause) : undefined,
    query.satisfaction?.length ? inArray(complaints.satisfaction, query.satisfaction) : undefined,
    query.overdue === undefined
      ? undefined
      : query.overdue === "true"
        ? overdue
        : sql`not ${overdue}`,
    query.open === undefined
      ? undefined
      : query.open === "true"
        ? ne(complaints.step, "closed")
        : eq(complaints.step, "closed"),
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(complaints)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: complaints.id, idOf: (r) => r.id, direction: query.order },
  );
}
