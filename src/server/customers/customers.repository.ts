/** Reads of customers, always limited to the rows the actor may see. */
import { and, asc, desc, eq, getTableColumns, gt, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, users } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import type { ListCustomersQuery } from "../../shared/schemas/customers.js";
import { customerFilterConditions } from "./customerFilter.js";
import { decodeCursor, encodeCursor } from "../http/cursor.js";

const columns = { ...getTableColumns(customers), ownerName: users.name };
export type CustomerRow = typeof customers.$inferSelect & { ownerName: string | null };

export async function findCustomer(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<CustomerRow | null> {
  const [row] = await db
    .select(columns)
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.id, id), readableCustomers(actor)));
  return row ?? null;
}

const sortColumns = {
  id: customers.id,
  name: customers.name,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  stage: customers.stage,
} as const;

/** One page of customers by keyset: the cursor holds the last row's sort value and id. */
export async function listCustomers(db: Queryable, actor: Actor, query: ListCustomersQuery) {
  const sortColumn = sortColumns[query.sort];
  const descending = query.order === "desc";
  const conditions: SQL[] = [readableCustomers(actor), customerFilterConditions(query)];
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor) {
    const value =
      query.sort === "createdAt" || query.sort === "updatedAt"
        ? new Date(String(cursor.value))
        : cursor.value;
    const beyond = descending ? lt : gt;
    conditions.push(
      or(
        beyond(sortColumn, value as never),
        and(eq(sortColumn, value as never), beyond(customers.id, cursor.id)),
      )!,
    );
  }
  const order = descending ? desc : asc;
  const rows = await db
    .select(columns)
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(...conditions))
    .orderBy(order(sortColumn), order(customers.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          value:
            last[query.sort] instanceof Date
              ? (last[query.sort] as Date).toISOString()
              : (last[query.sort] as string | number),
          id: last.id,
        })
      : null;
  return { items, nextCursor };
}

/** Counts customers matching a filter, within the actor's reach. */
export async function countCustomers(db: Queryable, actor: Actor, filter: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(readableCustomers(actor), filter));
  return row?.n ?? 0;
}
