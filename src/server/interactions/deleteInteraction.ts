import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { interactions } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { customerIsReadable } from "../http/crud/access.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { NotFound } from "../http/errors.js";

/**
 * Removes a wrongly recorded interaction (interactions are a record of what happened and are not
 * edited; the audit row keeps what was removed).
 */
export async function deleteInteraction({
  db,
  actor,
  id,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ customerId: interactions.customerId })
      .from(interactions)
      .where(and(eq(interactions.id, id), customerIsReadable(actor, interactions.customerId)));
    if (!found) throw NotFound("Interaction", id);
    await lockCustomerForChange(tx, actor, found.customerId);
    const [row] = await tx.delete(interactions).where(eq(interactions.id, id)).returning();
    if (!row) throw NotFound("Interaction", id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "interaction",
      entityId: id,
      customerId: row.customerId,
      before: row,
      requestId: requestId ?? null,
    });
  });
}
