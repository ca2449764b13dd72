/** Loads a customer for a change: locked, writable by the actor, at the version the client read. */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { customers, users } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers, requireWriter, writableCustomers } from "../auth/access.js";
import { Forbidden, NotFound, StaleWrite, ValidationError } from "../http/errors.js";

export async function lockCustomerForChange(tx: Tx, actor: Actor, id: number, version?: number) {
  requireWriter(actor);
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), readableCustomers(actor)))
    .for("update");
  if (!row) throw NotFound("Customer", id);
  const [writable] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, id), writableCustomers(actor)));
  if (!writable) throw Forbidden("You may read this customer but not change it");
  if (version !== undefined && row.version !== version) throw StaleWrite("customer", row.version);
  return row;
}

/** An owner must be an active user; account managers may only hand customers within their team. */
export async function checkOwner(tx: Tx, actor: Actor, ownerId: number): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id, teamId: users.teamId, active: users.active })
    .from(users)
    .where(eq(users.id, ownerId));
  if (!owner || !owner.active)
    throw ValidationError("ownerId", `ownerId: no active user ${ownerId}`);
  if (
    actor.role === "account_manager" &&
    owner.id !== actor.id &&
    (actor.teamId === null || owner.teamId !== actor.teamId)
  ) {
    throw Forbidden("Account managers may only assign customers within their own team");
  }
}
