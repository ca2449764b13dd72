import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { contacts, interactions } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerFor } from "../http/crud/access.js";
import { ValidationError } from "../http/errors.js";
import type { RecordInteractionInput } from "../../shared/schemas/interactions.js";
import { findPlan } from "./interactionPlans.repository.js";

/**
 * Records an interaction with a customer the actor may change. Its contact must be one of the
 * customer's; its plan one the actor can see that is for this customer, its segment or general.
 */
export async function recordInteraction({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: RecordInteractionInput;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    const customer = await lockCustomerFor(tx, actor, input.customerId);
    if (input.contactId !== undefined) {
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, input.contactId), eq(contacts.customerId, customer.id)));
      if (!contact)
        throw ValidationError(
          "contactId",
          `contactId: customer ${customer.id} has no contact ${input.contactId}`,
        );
    }
    if (input.planId !== undefined) {
      const plan = await findPlan(tx, actor, input.planId);
      if (!plan || (plan.customerId !== null && plan.customerId !== customer.id)) {
        throw ValidationError("planId", `planId: no plan ${input.planId} for this customer`);
      }
    }
    const [row] = await tx
      .insert(interactions)
      .values({ ...input, occurredAt: new Date(input.occurredAt), actorId: actor.id })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "interaction",
      entityId: row!.id,
      customerId: customer.id,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}
