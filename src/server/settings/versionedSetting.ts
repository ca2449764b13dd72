/**
 * Optimistic concurrency for administration settings: each setting is one row of `settings`
 * whose `version` moves on with every save, so two admins saving what they read at the same
 * version cannot silently overwrite each other. A setting never saved (its defaults) is at
 * version 1, like a freshly created record.
 */
import { eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../db/client.js";
import { settings } from "../db/schema.js";
import { StaleWrite } from "../http/errors.js";

const UNSAVED_VERSION = 1;

/** The setting's stored value (undefined when never saved) and its version. */
export async function readSetting(
  db: Queryable,
  key: string,
  { lock = false } = {},
): Promise<{ value: unknown; version: number }> {
  const query = db
    .select({ value: settings.value, version: settings.version })
    .from(settings)
    .where(eq(settings.key, key));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? { value: undefined, version: UNSAVED_VERSION };
}

/**
 * Locks the setting for change and checks the version the client read (else 409 with the
 * current version). Returns the value as stored before the change.
 */
export async function lockSetting(
  tx: Tx,
  key: string,
  { what, version }: { what: string; version: number },
): Promise<unknown> {
  const current = await readSetting(tx, key, { lock: true });
  if (current.version !== version) throw StaleWrite(what, current.version);
  return current.value;
}

/**
 * Stores the setting locked by `lockSetting` at the next version and returns that version.
 * Two first saves race on the insert (there was no row to lock): the loser finds the row the
 * winner inserted at a newer version and is refused as stale.
 */
export async function saveSetting(
  tx: Tx,
  key: string,
  { what, version, value }: { what: string; version: number; value: unknown },
): Promise<number> {
  const [row] = await tx
    .insert(settings)
    .values({ key, value, version: version + 1 })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, version: sql`${settings.version} + 1`, updatedAt: sql`now()` },
      where: eq(settings.version, version),
    })
    .returning({ version: settings.version });
  if (!row) throw StaleWrite(what, (await readSetting(tx, key)).version);
  return row.version;
}
