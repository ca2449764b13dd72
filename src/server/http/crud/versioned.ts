/** Saving a change to a versioned row: the version moves on and the audit row records the diff. */
import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import type { Actor } from "../../auth/actor.js";
import { diff, recordAudit } from "../../audit/recordAudit.js";

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Writes `changes` to a row already locked at the client's version (see `lockOwnedRow`), bumps
 * its version (and `updatedAt`, where the table has one) and audits what changed.
 */
export async function saveVersioned<T extends VersionedTable>(
  tx: Tx,
  actor: Actor,
  {
    table,
    entity,
    before,
    changes,
    action = "update",
    customerId,
    requestId,
    note,
  }: {
    table: T;
    entity: string;
    before: T["$inferSelect"];
    changes: Partial<T["$inferInsert"]>;
    action?: string;
    customerId?: number | null;
    requestId?: string | undefined;
    /** Context for the audit row that has no column (e.g. why a delivery was cancelled). */
    note?: Record<string, unknown> | undefined;
  },
): Promise<T["$inferSelect"]> {
  const id = (before as { id: number }).id;
  const stamp = "updatedAt" in table ? { updatedAt: sql`now()` } : {};
  // Generic tables defeat Drizzle's typing of set()/returning(); both are the table's own types.
  const [row] = (await tx
    .update(table as PgTable)
    .set({ ...changes, ...stamp, version: sql`${table.version} + 1` } as never)
    .where(eq(table.id, id))
    .returning()) as T["$inferSelect"][];
  const { before: was, after: now } = diff(
    before as Record<string, unknown>,
    changes as Record<string, unknown>,
  );
  await recordAudit(tx, {
    actor,
    action,
    entity,
    entityId: id,
    customerId: customerId ?? null,
    before: was,
    after: { ...now, ...note },
    requestId: requestId ?? null,
  });
  return row!;
}
