/**
 * Who sees and keeps segments: shared segments are visible to everyone, private ones to their
 * owner (and admins); admins and marketing managers keep them (a private one only its owner or
 * an admin). Needs, research notes and plans attached to a segment follow the same rule.
 */
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "../db/client.js";
import { segments } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { requireCatalogueWriter } from "../http/crud/access.js";
import { Forbidden, NotFound, StaleWrite, ValidationError } from "../http/errors.js";

export type SegmentRow = typeof segments.$inferSelect;

/** A condition on `segments`: the ones the actor may see. */
export function readableSegments(actor: Actor): SQL {
  if (actor.role === "admin") return sql`true`;
  return sql`(${segments.shared} or ${segments.ownerId} = ${actor.id})`;
}

/** A condition: the row's segment is one the actor may see. */
export function segmentIsReadable(actor: Actor, segmentId: AnyColumn | SQL): SQL {
  return sql`${segmentId} in (select ${segments.id} from ${segments} where ${readableSegments(actor)})`;
}

export async function findSegment(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<SegmentRow | null> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.id, id), readableSegments(actor)));
  return row ?? null;
}

function requireSegmentKeeper(actor: Actor, segment: SegmentRow): void {
  requireCatalogueWriter(actor);
  if (!segment.shared && segment.ownerId !== actor.id && actor.role !== "admin") {
    throw Forbidden("Only its owner or an admin may change a private segment");
  }
}

/**
 * Locks a segment the actor may change (404 if it may not see it, 403 if it may not keep it),
 * at the version the client read. `field` makes an unknown segment a 400 naming that field,
 * for requests that attach something to a segment.
 */
export async function lockSegmentForChange(
  tx: Tx,
  actor: Actor,
  id: number,
  { version, field }: { version?: number; field?: string } = {},
): Promise<SegmentRow> {
  const [row] = await tx
    .select()
    .from(segments)
    .where(and(eq(segments.id, id), readableSegments(actor)))
    .for("update");
  if (!row)
    throw field
      ? ValidationError(field, `${field}: no segment ${id} that you may see`)
      : NotFound("Segment", id);
  requireSegmentKeeper(actor, row);
  if (version !== undefined && row.version !== version) throw StaleWrite("segment", row.version);
  return row;
}
