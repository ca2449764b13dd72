/** Retention periods (PIPL art. 19): stored as one row of `settings`, defaults until an admin sets them. */
import { eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../db/client.js";
import { settings } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/access.js";
import { recordAudit } from "../audit/recordAudit.js";
import {
  DEFAULT_RETENTION,
  RetentionSchema,
  type Retention,
} from "../../shared/schemas/settings.js";

export const RETENTION_KEY = "retention";

/** The retention periods in force: the stored ones, or the defaults when none (or none valid) are stored. */
export async function readRetention(db: Queryable): Promise<Retention> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, RETENTION_KEY));
  const parsed = RetentionSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_RETENTION;
}

/** Sets the retention periods (admins), audited with before and after. */
export async function setRetention({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: Retention;
  requestId?: string;
}): Promise<Retention> {
  requireRole(actor, "admin");
  return db.transaction(async (tx) => {
    await tx
      .select({ key: settings.key })
      .from(settings)
      .where(eq(settings.key, RETENTION_KEY))
      .for("update");
    const before = await readRetention(tx);
    await tx
      .insert(settings)
      .values({ key: RETENTION_KEY, value: input })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: sql`now()` } });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "settings",
      entityId: RETENTION_KEY,
      before,
      after: input,
      requestId: requestId ?? null,
    });
    return input;
  });
}
