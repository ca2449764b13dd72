import type { Db } from "../db/client.js";
import { customers, stageEvents } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { requireWriter } from "../auth/access.js";
import type { CreateCustomerInput } from "../../shared/schemas/customers.js";
import { recordAudit } from "../audit/recordAudit.js";
import { checkOwner } from "./customerAccess.js";

/** Registers a customer with its first stage event; the owner defaults to the acting user. */
export async function createCustomer({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: CreateCustomerInput;
  requestId?: string;
}) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const ownerId = input.ownerId ?? actor.id;
    await checkOwner(tx, actor, ownerId);
    const [row] = await tx
      .insert(customers)
      .values({
        ...input,
        ownerId,
        stage: input.stage ?? "potential",
        createdBy: actor.id,
        updatedBy: actor.id,
      } as typeof customers.$inferInsert)
      .returning();
    const customer = row!;
    await tx.insert(stageEvents).values({
      customerId: customer.id,
      fromStage: null,
      toStage: customer.stage,
      reason: "registered",
      actorId: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "customer",
      entityId: customer.id,
      customerId: customer.id,
      after: input,
      requestId: requestId ?? null,
    });
    return customer.id;
  });
}
