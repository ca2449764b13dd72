/** Retention periods (PIPL art. 19): stored as one row of `settings`, defaults until an admin sets them. */
import type { Db, Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/access.js";
import { recordAudit } from "../audit/recordAudit.js";
import {
  DEFAULT_RETENTION,
  RetentionSchema,
  type Retention,
  type RetentionSettings,
  type UpdateRetentionInput,
} from "../../shared/schemas/settings.js";
import { lockSetting, readSetting, saveSetting } from "./versionedSetting.js";

export const RETENTION_KEY = "retention";

/** The periods in a stored value, or the defaults when none (or none valid) are stored. */
const periodsOf = (value: unknown): Retention => {
  const parsed = RetentionSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RETENTION;
};

/** The retention periods in force. */
export async function readRetention(db: Queryable): Promise<Retention> {
  return periodsOf((await readSetting(db, RETENTION_KEY)).value);
}

/** The retention periods in force with their version, as admins read them before a change. */
export async function readRetentionSettings(db: Queryable): Promise<RetentionSettings> {
  const { value, version } = await readSetting(db, RETENTION_KEY);
  return { ...periodsOf(value), version };
}

/**
 * Sets the retention periods (admins) from the version the client read (a stale one is a 409),
 * audited with the periods before and after.
 */
export async function setRetention({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: UpdateRetentionInput;
  requestId?: string;
}): Promise<RetentionSettings> {
  requireRole(actor, "admin");
  const { version, ...periods } = input;
  const what = "retention setting";
  return db.transaction(async (tx) => {
    const before = periodsOf(await lockSetting(tx, RETENTION_KEY, { what, version }));
    const saved = await saveSetting(tx, RETENTION_KEY, { what, version, value: periods });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "settings",
      entityId: RETENTION_KEY,
      before,
      after: periods,
      requestId: requestId ?? null,
    });
    return { ...periods, version: saved };
  });
}
