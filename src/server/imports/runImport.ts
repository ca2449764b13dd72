/**
 * Bulk import of customers, contacts or transactions: all or nothing. Every row is checked
 * (rules, references, duplicates) while the file streams in; the first bad row stops the
 * import with its line and reason, and the database keeps nothing of it.
 *
 * - PostgreSQL server: one transaction, rows COPYed straight in (directImport.ts).
 * - Embedded PGlite: rows are staged, then published in short chunks (stagedImport.ts), so
 *   the one connection stays free for interactive requests between statements; a failure or
 *   a crash mid-publish is undone (here, or by recovery) — transactions by their import id,
 *   customers and contacts by the ids they were staged with.
 *
 * An idempotency key makes a repeat after success a no-op that returns the first result,
 * and lets a failed import be run again under the same key.
 */
import { sql } from "drizzle-orm";
import { AppError } from "../http/errors.js";
import type { Database } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { refreshPurchaseSummaries } from "../transactions/purchaseSummaries.js";
import type {
  ImportKind,
  ImportPhase,
  ImportProgress,
  ImportRecord,
  ImportRowError,
} from "./imports.schema.js";
import {
  describeRowError,
  ImportRowFailure,
  openImportFile,
  type ImportSource,
} from "./importFile.js";
import { loadUserDirectory, RowChecker, type ParsedChunk } from "./importChecks.js";
import type { TableRow } from "./csvRecords.js";
import { copyChunk, prepareChunk, withImportTransaction } from "./directImport.js";
import {
  createStage,
  STATEMENT_ROWS,
  dropStage,
  publishStage,
  refreshSummariesInBatches,
  stageRows,
  stageTableName,
  unpublishStage,
} from "./stagedImport.js";
import { finishImport, findImport, presentImport, setImportStatus } from "./imports.repository.js";
import { beginImport } from "./beginImport.js";
import { registerImport } from "./importRegistry.js";
import { timeJob } from "../http/metrics.plugin.js";
import { courteousDb } from "./courtesy.js";
import { crashPoint } from "../crashPoint.js";

export type { ImportSource } from "./importFile.js";
export { beginImport, type BegunImport } from "./beginImport.js";

/** Rows per chunk: a COPY on a server; a short staging statement on the embedded database. */
export const chunkRows = (database: Database, kind: ImportKind) =>
  database.kind === "postgres" ? 20_000 : STATEMENT_ROWS[kind].stage;

export interface ImportProps {
  database: Database;
  actor: Actor;
  kind: ImportKind;
  source: ImportSource;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  requestId?: string;
}

/** The error an import stops with: 422, naming the line, field and reason. */
export const importFailed = (error: ImportRowError, importId: number | null) =>
  new AppError("import_failed", 422, describeRowError(error), {
    line: error.line,
    ...(error.field ? { field: error.field } : {}),
    ...(error.column ? { column: error.column } : {}),
    ...(importId === null ? {} : { importId }),
  });

function newProgress(source: ImportSource): ImportProgress {
  return {
    phase: "reading",
    rowsRead: 0,
    rowsPublished: 0,
    totalRows: null,
    bytesRead: 0,
    totalBytes: source.size ?? null,
  };
}

interface Run extends ImportProps {
  importId: number;
  progress: ImportProgress;
}

function report(run: Run, phase: ImportPhase, change: Partial<ImportProgress> = {}): void {
  Object.assign(run.progress, { phase, ...change });
  run.onProgress?.({ ...run.progress });
}

async function openFile(run: Run, chunkRows: number) {
  return openImportFile(run.source, run.kind, {
    chunkRows,
    onBytes: (bytes) => {
      run.progress.bytesRead = bytes;
    },
  });
}

async function checkerFor(run: Run, mapping: Awaited<ReturnType<typeof openFile>>["mapping"]) {
  const users =
    run.kind === "customers"
      ? await loadUserDirectory(run.database.db)
      : { byId: new Map(), byEmail: new Map() };
  return new RowChecker(run.kind, mapping, { actor: run.actor, users }, run.importId);
}

const auditEntry = (run: Run, rowCount: number) => ({
  actor: run.actor,
  action: "import",
  entity: "import",
  entityId: run.importId,
  after: { kind: run.kind, fileName: run.source.fileName, rowCount },
  requestId: run.requestId ?? null,
});

/**
 * Runs the chunks through `verify` and the write it returns, one chunk at a time, except that
 * the next chunk is checked while the previous write is still in the database: entirely when
 * its checks need nothing from the database (references already known, no external
 * references), otherwise up to its in-memory checks. Database checks wait for that write, so
 * they see the file's earlier rows.
 */
async function pipelined(
  chunks: AsyncIterable<TableRow[]>,
  checker: RowChecker,
  verify: (parsed: ParsedChunk) => Promise<() => Promise<void>>,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const chunk of chunks) {
      const parsed = checker.parseChunk(chunk);
      if (checker.needsDatabase(parsed)) await writing;
      const write = await verify(parsed);
      await writing;
      writing = write();
      writing.catch(() => undefined); // awaited on the next turn or below
    }
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    throw error;
  }
}

/** PostgreSQL server: everything in one transaction. */
async function importDirect(run: Run): Promise<number> {
  const { mapping, chunks } = await openFile(run, chunkRows(run.database, run.kind));
  const checker = await checkerFor(run, mapping);
  return withImportTransaction(run.database.pool, run.importId, async (session) => {
    const touched = new Set<number>();
    let total = 0;
    await pipelined(chunks, checker, async (parsed) => {
      run.signal?.throwIfAborted();
      const { rows, errors } = await checker.verifyChunk(session.tx, parsed, null);
      if (errors.length) throw new ImportRowFailure(errors[0]!);
      const prepared = prepareChunk(run.kind, rows);
      return async () => {
        await copyChunk(session, run.kind, prepared, run.actor.id);
        crashPoint("import-mid-write");
        for (const row of rows) if (row.customerId !== null) touched.add(row.customerId);
        total += rows.length;
        report(run, "reading", { rowsRead: total });
      };
    });
    run.signal?.throwIfAborted();
    if (run.kind === "transactions") {
      report(run, "summarising", { totalRows: total });
      await refreshPurchaseSummaries(session.tx, [...touched]);
    }
    await finishImport(session.tx, run.importId, { status: "succeeded", rowCount: total });
    await recordAudit(session.tx, auditEntry(run, total));
    return total;
  });
}

/** Embedded database: stage in short statements, then publish in short statements. */
async function importStaged(run: Run): Promise<number> {
  const db = courteousDb(run.database);
  const { mapping, chunks } = await openFile(run, chunkRows(run.database, run.kind));
  const checker = await checkerFor(run, mapping);
  const name = stageTableName(run.importId);
  // What a failed earlier attempt under this id may have left:
  await unpublishStage(db, { kind: run.kind, name, importId: run.importId });
  await createStage(db, run.kind, name, {
    temporary: false,
    indexRefs: mapping.columns.includes("externalRef"),
  });
  let publishing = false;
  let afterId = 0;
  try {
    const touched = new Set<number>();
    const lines = { first: Number.POSITIVE_INFINITY, last: 0 };
    let total = 0;
    await pipelined(chunks, checker, async (parsed) => {
      run.signal?.throwIfAborted();
      const { rows, errors } = await checker.verifyChunk(db, parsed, name);
      if (errors.length) throw new ImportRowFailure(errors[0]!);
      return async () => {
        await stageRows(db, run.kind, name, rows);
        if (rows.length) {
          lines.first = Math.min(lines.first, rows[0]!.line);
          lines.last = Math.max(lines.last, rows.at(-1)!.line);
        }
        for (const row of rows) if (row.customerId !== null) touched.add(row.customerId);
        total += rows.length;
        report(run, "reading", { rowsRead: total });
      };
    });
    run.signal?.throwIfAborted();
    report(run, "publishing", { totalRows: total });
    if (run.kind === "transactions") {
      // Where this import's rows will start, so undoing them need not read older ones.
      const { rows } = await db.execute<{ id: number }>(
        sql`select coalesce(max(id), 0) as id from transactions`,
      );
      afterId = Number(rows[0]?.id ?? 0);
    }
    await setImportStatus(db, run.importId, "publishing");
    publishing = true;
    await publishStage(db, {
      kind: run.kind,
      name,
      actorId: run.actor.id,
      ...(total ? { lines } : {}),
      signal: run.signal,
      onRows: (published) => {
        crashPoint("import-mid-write");
        report(run, "publishing", { rowsPublished: published });
      },
    });
    if (run.kind === "transactions") {
      report(run, "summarising");
      await refreshSummariesInBatches(db, [...touched], run.signal);
    }
    await db.transaction(async (tx) => {
      await finishImport(tx, run.importId, { status: "succeeded", rowCount: total });
      await recordAudit(tx, auditEntry(run, total));
      await dropStage(tx, name);
    });
    return total;
  } catch (error) {
    // Undo here when we can; if even that fails, recovery finishes it on the next start.
    const undo = publishing
      ? unpublishStage(db, { kind: run.kind, name, importId: run.importId, afterId })
      : dropStage(db, name);
    await undo.catch(() => undefined);
    throw error;
  }
}

function failureOf(error: unknown): ImportRowError {
  if (error instanceof ImportRowFailure) return error.rowError;
  if (error instanceof Error && error.name === "AbortError") {
    return { line: 0, message: "the import was stopped before it finished; nothing was imported" };
  }
  return {
    line: 0,
    message: "the import failed on our side and nothing was imported; it has been logged",
  };
}

/**
 * Runs a claimed import to the end. Resolves with the succeeded import; rejects with a 422
 * `import_failed` naming the bad line (or with the underlying error when something else broke),
 * after recording the failure.
 */
export async function executeImport(
  props: ImportProps & { importId: number },
): Promise<ImportRecord> {
  const run: Run = { ...props, progress: newProgress(props.source) };
  const controller = new AbortController();
  const signal = props.signal
    ? AbortSignal.any([props.signal, controller.signal])
    : controller.signal;
  run.signal = signal;
  const work = (async () => {
    try {
      const rowCount = await timeJob(`import_${run.kind}`, () =>
        run.database.kind === "postgres" ? importDirect(run) : importStaged(run),
      );
      report(run, "done", { rowsPublished: rowCount, totalRows: rowCount });
      const row = await findImport(run.database.db, run.importId);
      return presentImport(row!, run.database.pool, false);
    } catch (error) {
      run.source.stream.destroy();
      const failure = failureOf(error);
      await finishImport(run.database.db, run.importId, { status: "failed", error: failure }).catch(
        () => undefined,
      );
      if (
        error instanceof ImportRowFailure ||
        (error instanceof Error && error.name === "AbortError")
      ) {
        throw importFailed(failure, run.importId);
      }
      throw error;
    }
  })();
  registerImport(run.database.pool, run.importId, {
    progress: run.progress,
    controller,
    settled: work.catch(() => undefined),
  });
  return work;
}

/** Claims and runs an import in one go (the CLI's way; the API runs it in the background). */
export async function runImport(
  props: ImportProps & { idempotencyKey?: string | null },
): Promise<ImportRecord> {
  const begun = await beginImport({ ...props, fileName: props.source.fileName });
  if (begun.replay) {
    props.source.stream.destroy();
    return begun.replay;
  }
  return executeImport({ ...props, importId: begun.importId });
}
