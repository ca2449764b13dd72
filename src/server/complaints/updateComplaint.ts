import type { Db } from "../db/client.js";
import { complaints } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import type { UpdateComplaintInput } from "../../shared/schemas/complaints.js";

/** Corrects a complaint's title, description or cause at the version the client read. */
export async function updateComplaint({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateComplaintInput;
  requestId?: string;
}) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: complaints,
      id,
      what: "Complaint",
      version,
    });
    return saveVersioned(tx, actor, {
      table: complaints,
      entity: "complaint",
      before,
      changes: fields,
      customerId: before.customerId,
      requestId,
    });
  });
}
