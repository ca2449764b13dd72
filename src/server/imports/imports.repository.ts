/** The `imports` table: one row per import run, found by id or by idempotency key. */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { imports } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import type { ImportKind, ImportRecord, ImportRowError, ImportStatus } from "./imports.schema.js";
import { progressOf } from "./importRegistry.js";
import type pg from "pg";

export type ImportRow = typeof imports.$inferSelect;

export async function findImport(db: Queryable, id: number): Promise<ImportRow | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row ?? null;
}

export async function findImportByKey(db: Queryable, key: string): Promise<ImportRow | null> {
  const [row] = await db.select().from(imports).where(eq(imports.idempotencyKey, key));
  return row ?? null;
}

/** Imports an actor may follow: their own, or all of them for admins. */
export async function listImports(
  db: Queryable,
  actor: Actor,
  limit: number,
): Promise<ImportRow[]> {
  return db
    .select()
    .from(imports)
    .where(actor.role === "admin" ? undefined : eq(imports.createdBy, actor.id))
    .orderBy(desc(imports.id))
    .limit(limit);
}

export async function insertImport(
  db: Queryable,
  values: {
    kind: ImportKind;
    fileName: string | null;
    idempotencyKey: string | null;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await db
    .insert(imports)
    .values({ ...values, status: "running" })
    .returning({ id: imports.id });
  return row!.id;
}

/** Takes a failed import back for a retry under the same idempotency key. */
export async function reopenFailedImport(
  db: Queryable,
  id: number,
  fileName: string | null,
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({
      status: "running",
      error: null,
      rowCount: 0,
      fileName,
      startedAt: sql`now()`,
      finishedAt: null,
    })
    .where(and(eq(imports.id, id), eq(imports.status, "failed")))
    .returning({ id: imports.id });
  return rows.length === 1;
}

export async function setImportStatus(
  db: Queryable,
  id: number,
  status: ImportStatus,
): Promise<void> {
  await db.update(imports).set({ status }).where(eq(imports.id, id));
}

export async function finishImport(
  db: Queryable,
  id: number,
  outcome: { status: "succeeded"; rowCount: number } | { status: "failed"; error: ImportRowError },
): Promise<void> {
  await db
    .update(imports)
    .set({
      status: outcome.status,
      rowCount: outcome.status === "succeeded" ? outcome.rowCount : 0,
      error: outcome.status === "failed" ? JSON.stringify(outcome.error) : null,
      finishedAt: sql`now()`,
    })
    .where(eq(imports.id, id));
}

function parseError(text: string | null): ImportRowError | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as ImportRowError;
    if (typeof value.message === "string" && typeof value.line === "number") return value;
  } catch {
    // an error written by hand or by an older version: show it as it is
  }
  return { line: 0, message: text };
}

/** An import as the API shows it, with live progress when it runs in this process. */
export function presentImport(row: ImportRow, pool: pg.Pool, replayed?: boolean): ImportRecord {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    status: row.status as ImportStatus,
    rowCount: row.rowCount,
    error: parseError(row.error),
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    progress: progressOf(pool, row.id),
    ...(replayed === undefined ? {} : { replayed }),
  };
}
