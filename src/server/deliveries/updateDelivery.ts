import type { Db } from "../db/client.js";
import { deliveries } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { InvalidTransition } from "../http/crud/errors.js";
import { ValidationError } from "../http/errors.js";
import type { UpdateDeliveryInput } from "../../shared/schemas/deliveries.js";
import { checkDeliveryContent } from "./deliveryContent.js";

/** Changes a delivery's plan (content, need, timing, medium) while it is still planned. */
export async function updateDelivery({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateDeliveryInput;
  requestId?: string;
}) {
  const { version, plannedFor, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: deliveries,
      id,
      what: "Delivery",
      version,
    });
    if (before.status !== "planned") {
      throw InvalidTransition(
        "delivery",
        before.status,
        "planned",
        `Only a planned delivery can be changed; this one is ${before.status}`,
      );
    }
    await checkDeliveryContent(tx, before.customerId, fields);
    const valueItemId = fields.valueItemId === undefined ? before.valueItemId : fields.valueItemId;
    const content = fields.content === undefined ? before.content : fields.content;
    if (valueItemId === null && !content)
      throw ValidationError(
        "valueItemId",
        "A delivery needs content: a valueItemId, free content, or both",
      );
    const changes = {
      ...fields,
      ...(plannedFor !== undefined
        ? { plannedFor: plannedFor === null ? null : new Date(plannedFor) }
        : {}),
    };
    await saveVersioned(tx, actor, {
      table: deliveries,
      entity: "delivery",
      before,
      changes,
      customerId: before.customerId,
      requestId,
    });
  });
}
