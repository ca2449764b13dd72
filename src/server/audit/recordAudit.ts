/** Appends to the audit log inside the caller's transaction, so a change and its record commit together. */
import { auditLog } from "../db/schema.js";
import type { Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { redactAuditPayload } from "../privacy/redactAuditPayload.js";

export interface AuditEntry {
  actor: Pick<Actor, "id"> | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  customerId?: number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId:
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    customerId: entry.customerId ?? null,
    // Personal values never enter the append-only log, so an erasure can be complete.
    before: redactAuditPayload(entry.entity, entry.before ?? null),
    after: redactAuditPayload(entry.entity, entry.after ?? null),
    requestId: entry.requestId ?? null,
  });
}

/** The fields whose values differ, as {before, after} objects holding only those fields. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
