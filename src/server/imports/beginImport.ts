/**
 * Claiming an import run: a new record in `imports`, or — under an idempotency key — the
 * earlier run's result (after success, a no-op) or a retry of it (after failure).
 */
import type { Database } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { requireWriter } from "../auth/access.js";
import { Conflict } from "../http/errors.js";
import type { ImportKind, ImportRecord } from "./imports.schema.js";
import {
  findImportByKey,
  insertImport,
  presentImport,
  reopenFailedImport,
} from "./imports.repository.js";

export type BegunImport =
  { importId: number; replay?: undefined } | { replay: ImportRecord; importId?: undefined };

/** Claims an import; the same key by another user or for another kind is a conflict. */
export async function beginImport(props: {
  database: Database;
  actor: Actor;
  kind: ImportKind;
  fileName: string | null;
  idempotencyKey?: string | null | undefined;
}): Promise<BegunImport> {
  const { database, actor, kind, fileName } = props;
  requireWriter(actor);
  const key = props.idempotencyKey ?? null;
  const db = database.db;
  if (key) {
    const earlier = await findImportByKey(db, key);
    if (earlier) {
      if (earlier.createdBy !== actor.id || earlier.kind !== kind) {
        throw Conflict("This idempotency key was already used for a different import");
      }
      if (earlier.status === "succeeded")
        return { replay: presentImport(earlier, database.pool, true) };
      if (earlier.status !== "failed" || !(await reopenFailedImport(db, earlier.id, fileName))) {
        throw Conflict("An import with this idempotency key is still running", {
          importId: earlier.id,
        });
      }
      return { importId: earlier.id };
    }
  }
  try {
    return {
      importId: await insertImport(db, {
        kind,
        fileName,
        idempotencyKey: key,
        createdBy: actor.id,
      }),
    };
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "23505") {
      throw Conflict("An import with this idempotency key has just started");
    }
    throw error;
  }
}
