import type { Db } from "../db/client.js";
import { complaints } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerFor } from "../http/crud/access.js";
import { ValidationError } from "../http/errors.js";
import { complaintStepDueAt } from "../../shared/engine/complaints.js";
import type { CreateComplaintInput } from "../../shared/schemas/complaints.js";

/** Clock skew tolerated on a client's "received at". */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/** Takes in a complaint: it enters the listen step when received, with the listen SLA running. */
export async function receiveComplaint({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: CreateComplaintInput;
  requestId?: string;
}) {
  const now = new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    throw ValidationError("receivedAt", "receivedAt: a complaint cannot arrive in the future");
  return db.transaction(async (tx) => {
    await lockCustomerFor(tx, actor, input.customerId);
    const [row] = await tx
      .insert(complaints)
      .values({
        ...input,
        step: "listen",
        receivedAt,
        stepEnteredAt: receivedAt,
        stepDueAt: complaintStepDueAt("listen", receivedAt),
        ownerId: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "complaint",
      entityId: row!.id,
      customerId: input.customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}
