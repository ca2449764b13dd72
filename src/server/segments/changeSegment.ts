/** Saving, changing and deleting segments (kept by admins and marketing managers), each audited. */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { segments } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { requireCatalogueWriter } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { ValidationError } from "../http/errors.js";
import type { CreateSegmentInput, UpdateSegmentInput } from "../../shared/schemas/segments.js";
import { lockSegmentForChange } from "./segmentAccess.js";

interface Props {
  db: Db;
  actor: Actor;
  requestId?: string;
}

export async function createSegment({
  db,
  actor,
  input,
  requestId,
}: Props & { input: CreateSegmentInput }) {
  requireCatalogueWriter(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(segments)
      .values({ ...input, definition: input.definition ?? {}, ownerId: actor.id })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "segment",
      entityId: row!.id,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}

/** Changes a segment at the version read; a decision always travels with its reasoning. */
export async function updateSegment({
  db,
  actor,
  id,
  input,
  requestId,
}: Props & { id: number; input: UpdateSegmentInput }) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockSegmentForChange(tx, actor, id, { version });
    const decision = fields.decision === undefined ? before.decision : fields.decision;
    const reason =
      fields.decisionReason === undefined ? before.decisionReason : fields.decisionReason;
    if (decision && !reason?.trim())
      throw ValidationError("decisionReason", "decisionReason: a decision needs its reasoning");
    return saveVersioned(tx, actor, {
      table: segments,
      entity: "segment",
      before,
      changes: fields,
      requestId,
    });
  });
}

/**
 * Deletes a segment. Its common needs go with it; research notes and interaction plans that
 * pointed at it stay, no longer tied to a segment.
 */
export async function deleteSegment({
  db,
  actor,
  id,
  version,
  requestId,
}: Props & { id: number; version: number }) {
  return db.transaction(async (tx) => {
    const before = await lockSegmentForChange(tx, actor, id, { version });
    await tx.delete(segments).where(eq(segments.id, id));
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "segment",
      entityId: id,
      before,
      requestId: requestId ?? null,
    });
  });
}
