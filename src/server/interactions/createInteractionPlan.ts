import type { Db } from "../db/client.js";
import { interactionPlans } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerFor, requireCatalogueWriter } from "../http/crud/access.js";
import { lockSegmentForChange } from "../segments/segmentAccess.js";
import type { CreatePlanInput } from "../../shared/schemas/interactions.js";
import { checkPlanDates } from "./planDates.js";

/**
 * Creates an interaction plan: for a customer (the customer must be writable), for a segment or
 * general (kept by admins and marketing managers). It starts active unless a status is given.
 */
export async function createInteractionPlan({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: CreatePlanInput;
  requestId?: string;
}) {
  checkPlanDates(input);
  return db.transaction(async (tx) => {
    if (input.customerId !== undefined) await lockCustomerFor(tx, actor, input.customerId);
    else if (input.segmentId !== undefined)
      await lockSegmentForChange(tx, actor, input.segmentId, { field: "segmentId" });
    else requireCatalogueWriter(actor);
    const [row] = await tx
      .insert(interactionPlans)
      .values({ ...input, ownerId: actor.id })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "interaction_plan",
      entityId: row!.id,
      customerId: row!.customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}
