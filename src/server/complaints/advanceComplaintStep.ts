import type { Db } from "../db/client.js";
import { complaints } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { InvalidTransition } from "../http/crud/errors.js";
import { ValidationError } from "../http/errors.js";
import { advanceComplaint, type ComplaintState } from "../../shared/engine/complaints.js";
import type { AdvanceComplaintInput } from "../../shared/schemas/complaints.js";

/**
 * Moves a complaint one step along listen → record → propose → follow_up → closed, by the pure
 * state machine: an illegal move is a 409 naming from/to, a missing or misplaced field a 400
 * naming the field. The new step's entry and due times are stamped; the audit row is "advance".
 */
export async function advanceComplaintStep({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: AdvanceComplaintInput;
  requestId?: string;
}) {
  const { version, to, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: complaints,
      id,
      what: "Complaint",
      version,
    });
    const result = advanceComplaint(before as ComplaintState, to, fields, new Date());
    if (!result.ok) {
      if (result.error === "invalid_transition")
        throw InvalidTransition("complaint", result.from, result.to);
      throw ValidationError(result.field, `${result.field}: ${result.message}`);
    }
    return saveVersioned(tx, actor, {
      table: complaints,
      entity: "complaint",
      before,
      changes: result.changes,
      action: "advance",
      customerId: before.customerId,
      requestId,
    });
  });
}
