import type { Db } from "../db/client.js";
import { deliveries } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { InvalidTransition } from "../http/crud/errors.js";
import { canMoveDelivery, type DeliveryStatus } from "../../shared/engine/deliveries.js";
import type {
  CancelDeliveryInput,
  DeliverInput,
  EvaluateDeliveryInput,
} from "../../shared/schemas/deliveries.js";

export type DeliveryStep =
  | { to: "delivered"; input: DeliverInput }
  | { to: "evaluated"; input: EvaluateDeliveryInput }
  | { to: "cancelled"; input: CancelDeliveryInput };

/**
 * Moves a delivery on: delivered (with when and through what), evaluated (step 5: the
 * customer's verdict with its evidence) or cancelled. Each is audited as its own action.
 */
export async function advanceDelivery({
  db,
  actor,
  id,
  step,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  step: DeliveryStep;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: deliveries,
      id,
      what: "Delivery",
      version: step.input.version,
    });
    if (!canMoveDelivery(before.status as DeliveryStatus, step.to))
      throw InvalidTransition("delivery", before.status, step.to);
    let changes: Partial<typeof deliveries.$inferInsert>;
    if (step.to === "delivered") {
      const { deliveredAt, medium } = step.input;
      changes = {
        status: "delivered",
        deliveredAt: deliveredAt ? new Date(deliveredAt) : new Date(),
        ...(medium ? { medium } : {}),
      };
    } else if (step.to === "evaluated") {
      const { outcome, evidence, evaluatedAt } = step.input;
      changes = {
        status: "evaluated",
        outcome,
        outcomeEvidence: evidence,
        evaluatedAt: evaluatedAt ? new Date(evaluatedAt) : new Date(),
      };
    } else {
      changes = { status: "cancelled" };
    }
    const action =
      step.to === "delivered" ? "deliver" : step.to === "evaluated" ? "evaluate" : "cancel";
    // A cancellation's reason has no column of its own; the audit row keeps it with the change.
    const note =
      step.to === "cancelled" && step.input.reason ? { reason: step.input.reason } : undefined;
    await saveVersioned(tx, actor, {
      table: deliveries,
      entity: "delivery",
      before,
      changes,
      action,
      customerId: before.customerId,
      requestId,
      note,
    });
  });
}
