/**
 * Crash recovery for imports, run when a server or CLI starts. An import left `running` or
 * `publishing` by a process that died is rolled back — on the embedded database the rows it
 * had already published are removed by their staged ids — and marked failed, so no partial
 * data remains and the same file (or idempotency key) can simply be imported again.
 *
 * Imports still alive are left alone: in this process (the registry), and on a PostgreSQL
 * server in any process (a running import holds an advisory lock on its id; its connection
 * closing, as when its process dies, releases it).
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { imports } from "../db/schema.js";
import { IMPORT_LOCK_CLASS } from "./directImport.js";
import { isRunningHere } from "./importRegistry.js";
import { dropStage, STAGE_PREFIX, stageTableName, unpublishStage } from "./stagedImport.js";
import { finishImport } from "./imports.repository.js";
import type { ImportKind } from "./imports.schema.js";

const INTERRUPTED = {
  line: 0,
  message:
    "the import was interrupted (the process stopped) and nothing of it was kept; run it again",
};

/** Is the import's advisory lock free, i.e. its owner gone? Takes and drops it to find out. */
async function ownerIsGone(database: Database, id: number): Promise<boolean> {
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>(
      "select pg_try_advisory_lock($1, $2) as free",
      [IMPORT_LOCK_CLASS, id],
    );
    if (rows[0]?.free)
      await client.query("select pg_advisory_unlock($1, $2)", [IMPORT_LOCK_CLASS, id]);
    return rows[0]?.free === true;
  } finally {
    client.release();
  }
}

/** Rolls back interrupted imports; returns the ids it marked failed. */
export async function recoverInterruptedImports(database: Database): Promise<number[]> {
  const db = database.db;
  const stuck = await db
    .select({ id: imports.id, kind: imports.kind, status: imports.status })
    .from(imports)
    .where(inArray(imports.status, ["running", "publishing"]));
  const recovered: number[] = [];
  for (const item of stuck) {
    if (isRunningHere(database.pool, item.id)) continue;
    if (database.kind === "postgres" && !(await ownerIsGone(database, item.id))) continue;
    const name = stageTableName(item.id);
    if (item.status === "publishing") {
      await unpublishStage(db, { kind: item.kind as ImportKind, name, importId: item.id });
    } else await dropStage(db, name);
    await finishImport(db, item.id, { status: "failed", error: INTERRUPTED });
    recovered.push(item.id);
  }
  if (database.kind === "pglite") {
    // Staging tables left behind: a failed import whose clean-up could not finish still has
    // its published rows listed there (one process owns an embedded database, so nobody else
    // is using them).
    const { rows } = await db.execute<{ name: string }>(
      sql`select tablename as name from pg_tables where schemaname = 'public' and tablename like ${`${STAGE_PREFIX.replace(/_/g, "\\_")}%`}`,
    );
    for (const { name } of rows) {
      const id = Number(name.slice(STAGE_PREFIX.length));
      if (!Number.isSafeInteger(id) || isRunningHere(database.pool, id)) continue;
      const [owner] = await db
        .select({ kind: imports.kind, status: imports.status })
        .from(imports)
        .where(eq(imports.id, id));
      if (owner && owner.status !== "succeeded")
        await unpublishStage(db, { kind: owner.kind as ImportKind, name, importId: id });
      else await dropStage(db, name);
    }
  }
  return recovered;
}
