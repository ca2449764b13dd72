/** Reads of loyalty bonds, always through customers the actor may read. */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { bonds } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { customerIsReadable } from "../http/crud/access.js";
import { keysetPage } from "../http/crud/paging.js";
import type { ListBondsQuery } from "../../shared/schemas/bonds.js";

export type BondRow = typeof bonds.$inferSelect;

/** In force today: not ended, or ending today or later. */
export const bondInForce = sql`(${bonds.endedOn} is null or ${bonds.endedOn} >= current_date)`;

export async function findBond(
  db: Queryable,
  actor: Actor,
  customerId: number,
  id: number,
): Promise<BondRow | null> {
  const [row] = await db
    .select()
    .from(bonds)
    .where(
      and(
        eq(bonds.id, id),
        eq(bonds.customerId, customerId),
        customerIsReadable(actor, bonds.customerId),
      ),
    );
  return row ?? null;
}

export async function listBonds(db: Queryable, actor: Actor, query: ListBondsQuery) {
  const conditions: (SQL | undefined)[] = [
    customerIsReadable(actor, bonds.customerId),
    query.customerId !== undefined ? eq(bonds.customerId, query.customerId) : undefined,
    query.level?.length ? inArray(bonds.level, query.level) : undefined,
    query.kind?.length ? inArray(bonds.kind, query.kind) : undefined,
    query.active === undefined
      ? undefined
      : query.active === "true"
        ? bondInForce
        : sql`not ${bondInForce}`,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(bonds)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: bonds.id, idOf: (r) => r.id, direction: "asc" },
  );
}
