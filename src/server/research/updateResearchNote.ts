import type { Db } from "../db/client.js";
import { researchNotes } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow, requireCatalogueWriter } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { ValidationError } from "../http/errors.js";
import type { UpdateResearchNoteInput } from "../../shared/schemas/research.js";
import { resolveNoteLinks } from "./noteLinks.js";

/**
 * Changes a note at the version read: a customer's note by that customer's writers, any other
 * by its author, an admin or a marketing manager. Relinking to a need must keep the note's customer.
 */
export async function updateResearchNote({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateResearchNoteInput;
  requestId?: string;
}) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: researchNotes,
      id,
      what: "Research note",
      version,
      withoutCustomer: (note) => {
        if (note.authorId !== actor.id) requireCatalogueWriter(actor);
      },
    });
    if (fields.needId !== undefined && fields.needId !== null) {
      const links = await resolveNoteLinks(tx, actor, {
        customerId: before.customerId,
        segmentId: before.segmentId,
        needId: fields.needId,
      });
      if (links.customerId !== before.customerId)
        throw ValidationError(
          "needId",
          "needId: the need belongs to another customer than the note",
        );
    }
    return saveVersioned(tx, actor, {
      table: researchNotes,
      entity: "research_note",
      before,
      changes: fields,
      customerId: before.customerId,
      requestId,
    });
  });
}
