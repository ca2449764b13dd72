/** Checks what a research note is tied to: a readable need, and a customer and segment that agree with it. */
import type { Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { ValidationError } from "../http/errors.js";
import { findNeed } from "../needs/needs.repository.js";
import { findSegment } from "../segments/segmentAccess.js";

export interface NoteLinks {
  customerId: number | null;
  segmentId: number | null;
  needId: number | null;
}

/**
 * Fills the customer or segment from the need (a need belongs to exactly one of them) and
 * refuses a note whose links disagree, naming the field. The segment must be one the actor sees.
 */
export async function resolveNoteLinks(tx: Tx, actor: Actor, links: NoteLinks): Promise<NoteLinks> {
  const resolved = { ...links };
  if (links.needId !== null) {
    const need = await findNeed(tx, actor, links.needId);
    if (!need) throw ValidationError("needId", `needId: no need ${links.needId} that you may see`);
    if (need.customerId !== null) {
      if (links.customerId !== null && links.customerId !== need.customerId) {
        throw ValidationError(
          "customerId",
          `customerId: need ${need.id} belongs to customer ${need.customerId}`,
        );
      }
      resolved.customerId = need.customerId;
    }
    if (need.segmentId !== null) {
      if (links.segmentId !== null && links.segmentId !== need.segmentId) {
        throw ValidationError(
          "segmentId",
          `segmentId: need ${need.id} belongs to segment ${need.segmentId}`,
        );
      }
      resolved.segmentId = need.segmentId;
    }
  }
  if (resolved.segmentId !== null && !(await findSegment(tx, actor, resolved.segmentId))) {
    throw ValidationError(
      "segmentId",
      `segmentId: no segment ${resolved.segmentId} that you may see`,
    );
  }
  return resolved;
}
