import type { Db } from "../db/client.js";
import { researchNotes } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { requireWriter } from "../auth/access.js";
import { lockCustomerFor } from "../http/crud/access.js";
import type { CreateResearchNoteInput } from "../../shared/schemas/research.js";
import { resolveNoteLinks } from "./noteLinks.js";

/**
 * Records a research finding. A note about a customer needs that customer writable; a note about
 * a segment or the market needs only a writer who can see the segment.
 */
export async function createResearchNote({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: CreateResearchNoteInput;
  requestId?: string;
}) {
  requireWriter(actor);
  const { customerId, segmentId, needId, ...fields } = input;
  return db.transaction(async (tx) => {
    const links = await resolveNoteLinks(tx, actor, {
      customerId: customerId ?? null,
      segmentId: segmentId ?? null,
      needId: needId ?? null,
    });
    if (links.customerId !== null) await lockCustomerFor(tx, actor, links.customerId);
    const [row] = await tx
      .insert(researchNotes)
      .values({ ...fields, ...links, authorId: actor.id })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "research_note",
      entityId: row!.id,
      customerId: links.customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}
