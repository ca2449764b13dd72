import type { Db } from "../db/client.js";
import { interactionPlans } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow, requireCatalogueWriter } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { lockSegmentForChange } from "../segments/segmentAccess.js";
import type { UpdatePlanInput } from "../../shared/schemas/interactions.js";
import { checkPlanDates } from "./planDates.js";

/** Changes a plan at the version the client read: its goals (mark them met), evaluation, status, … */
export async function updateInteractionPlan({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdatePlanInput;
  requestId?: string;
}) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: interactionPlans,
      id,
      what: "Interaction plan",
      version,
      withoutCustomer: async (plan) => {
        if (plan.segmentId !== null) await lockSegmentForChange(tx, actor, plan.segmentId);
        else requireCatalogueWriter(actor);
      },
    });
    checkPlanDates({
      startsOn: fields.startsOn === undefined ? before.startsOn : fields.startsOn,
      endsOn: fields.endsOn === undefined ? before.endsOn : fields.endsOn,
    });
    return saveVersioned(tx, actor, {
      table: interactionPlans,
      entity: "interaction_plan",
      before,
      changes: fields,
      customerId: before.customerId,
      requestId,
    });
  });
}
