import type { Db } from "../db/client.js";
import { deliveries } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerFor } from "../http/crud/access.js";
import { ValidationError } from "../http/errors.js";
import { roundForNewDelivery } from "../../shared/engine/deliveries.js";
import type { PlanDeliveryInput } from "../../shared/schemas/deliveries.js";
import { checkDeliveryContent } from "./deliveryContent.js";
import { roundsOf } from "./deliveries.repository.js";

/**
 * Plans a value delivery (SPEC §5 steps 1–4): the customer's current stage is recorded as the
 * assessed stage; the round is the next one unless an open round is continued. The customer row
 * stays locked while the round is chosen, so two plans cannot both take "the next round".
 */
export async function planDelivery({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: PlanDeliveryInput;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    const customer = await lockCustomerFor(tx, actor, input.customerId);
    await checkDeliveryContent(tx, customer.id, input);
    const round = roundForNewDelivery(await roundsOf(tx, customer.id), input.round);
    if (!round.ok) throw ValidationError("round", `round: ${round.message}`);
    const [row] = await tx
      .insert(deliveries)
      .values({
        customerId: customer.id,
        round: round.round,
        stageAtPlan: customer.stage,
        valueItemId: input.valueItemId ?? null,
        needId: input.needId ?? null,
        content: input.content ?? null,
        plannedFor: input.plannedFor ? new Date(input.plannedFor) : null,
        medium: input.medium ?? null,
        ownerId: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "delivery",
      entityId: row!.id,
      customerId: customer.id,
      after: { ...input, round: round.round, stageAtPlan: customer.stage },
      requestId: requestId ?? null,
    });
    return row!.id;
  });
}
