import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { customers } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import type { UpdateCustomerInput } from "../../shared/schemas/customers.js";
import { diff, recordAudit } from "../audit/recordAudit.js";
import { checkOwner, lockCustomerForChange } from "./customerAccess.js";

/** Changes a customer's information; a stale `version` is refused, never silently overwritten. */
export async function updateCustomer({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateCustomerInput;
  requestId?: string;
}) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockCustomerForChange(tx, actor, id, version);
    if (fields.ownerId !== undefined && fields.ownerId !== before.ownerId)
      await checkOwner(tx, actor, fields.ownerId);
    await tx
      .update(customers)
      .set({
        ...(fields as Partial<typeof customers.$inferInsert>),
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: actor.id,
      })
      .where(eq(customers.id, id));
    const changes = diff(before as Record<string, unknown>, fields);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "customer",
      entityId: id,
      customerId: id,
      ...changes,
      requestId: requestId ?? null,
    });
  });
}

/** Archives (or restores) a customer: it leaves lists and analytics but keeps its history. */
export async function setCustomerArchived({
  db,
  actor,
  id,
  version,
  archived,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
  archived: boolean;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, id, version);
    await tx
      .update(customers)
      .set({
        archivedAt: archived ? sql`now()` : null,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: actor.id,
      })
      .where(eq(customers.id, id));
    await recordAudit(tx, {
      actor,
      action: archived ? "archive" : "restore",
      entity: "customer",
      entityId: id,
      customerId: id,
      requestId: requestId ?? null,
    });
  });
}
