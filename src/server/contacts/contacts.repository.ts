import { and, asc, eq, gt } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { contacts } from "../db/schema.js";

export type ContactRow = typeof contacts.$inferSelect;

export async function listContacts(
  db: Queryable,
  customerId: number,
  limit: number,
  afterId?: number,
) {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), afterId ? gt(contacts.id, afterId) : undefined))
    .orderBy(asc(contacts.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

export async function findContact(
  db: Queryable,
  customerId: number,
  id: number,
): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), eq(contacts.id, id)));
  return row ?? null;
}
