import type { Db } from "../db/client.js";
import { needs } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerFor } from "../http/crud/access.js";
import { lockSegmentForChange } from "../segments/segmentAccess.js";
import type { CreateNeedInput } from "../../shared/schemas/needs.js";

/**
 * Records a need of a customer (the customer must be writable by the actor) or the common need
 * of a segment (kept by admins and marketing managers). A need recorded as met is stamped met now.
 */
export async function createNeed({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: CreateNeedInput;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    if (input.customerId !== undefined) await lockCustomerFor(tx, actor, input.customerId);
    else if (input.segmentId !== undefined)
      await lockSegmentForChange(tx, actor, input.segmentId, { field: "segmentId" });
    const [row] = await tx
      .insert(needs)
      .values({ ...input, metAt: input.status === "met" ? new Date() : null, createdBy: actor.id })
      .returning();
    const need = row!;
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "need",
      entityId: need.id,
      customerId: need.customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return need;
  });
}
