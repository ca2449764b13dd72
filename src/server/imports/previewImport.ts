/**
 * A dry run: the whole file goes through every check a real import makes — rules,
 * references, duplicates within the file and against the database — into a temporary
 * staging table that is dropped at the end. Nothing is written; the answer lists the first
 * bad rows and a sample of rows as they would be stored.
 */
import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../db/schema.js";
import type { Db } from "../db/client.js";
import { requireWriter } from "../auth/access.js";
import type { ImportPreview, ImportRowError } from "./imports.schema.js";
import { ImportRowFailure, openImportFile } from "./importFile.js";
import { loadUserDirectory, RowChecker } from "./importChecks.js";
import { createStage, dropStage, stageRows } from "./stagedImport.js";
import { chunkRows, type ImportProps } from "./runImport.js";
import { courteousDb } from "./courtesy.js";

export async function previewImport(
  props: ImportProps & { maxErrors?: number; sampleSize?: number },
): Promise<ImportPreview> {
  const { database, actor, kind, source, maxErrors = 100, sampleSize = 20 } = props;
  requireWriter(actor);
  const preview: ImportPreview = {
    kind,
    valid: false,
    rowCount: 0,
    errorCount: 0,
    errors: [],
    sample: [],
    columns: [],
    ignoredColumns: [],
  };
  const progress = {
    phase: "reading" as const,
    rowsRead: 0,
    rowsPublished: 0,
    totalRows: null as number | null,
    bytesRead: 0,
    totalBytes: source.size ?? null,
  };
  let opened;
  try {
    opened = await openImportFile(source, kind, {
      chunkRows: chunkRows(database, kind),
      onBytes: (bytes) => {
        progress.bytesRead = bytes;
      },
    });
  } catch (error) {
    if (!(error instanceof ImportRowFailure)) throw error;
    return { ...preview, errorCount: 1, errors: [error.rowError] };
  }
  const { mapping, chunks } = opened;
  preview.columns = mapping.mapped;
  preview.ignoredColumns = mapping.ignored;

  // A temporary table lives in one session: on a server, hold one connection for the run.
  const client = database.kind === "postgres" ? await database.pool.connect() : null;
  const db: Db = client ? (drizzle(client, { schema }) as unknown as Db) : courteousDb(database);
  const name = `import_dry_${randomBytes(6).toString("hex")}`;
  try {
    const users =
      kind === "customers" ? await loadUserDirectory(db) : { byId: new Map(), byEmail: new Map() };
    const checker = new RowChecker(kind, mapping, { actor, users }, null);
    await createStage(db, kind, name, {
      temporary: true,
      indexRefs: mapping.columns.includes("externalRef"),
    });
    const note = (error: ImportRowError) => {
      preview.errorCount++;
      if (preview.errors.length < maxErrors) preview.errors.push(error);
    };
    try {
      for await (const chunk of chunks) {
        props.signal?.throwIfAborted();
        const { rows, errors } = await checker.check(db, chunk, name);
        errors.forEach(note);
        await stageRows(db, kind, name, rows);
        for (const row of rows)
          if (preview.sample.length < sampleSize) preview.sample.push(checker.sample(row));
        preview.rowCount += chunk.length;
        progress.rowsRead = preview.rowCount;
        props.onProgress?.({ ...progress });
      }
    } catch (error) {
      if (!(error instanceof ImportRowFailure)) throw error;
      note(error.rowError); // the file itself broke off (e.g. an unclosed quote)
    }
  } finally {
    await dropStage(db, name).catch(() => undefined);
    client?.release();
  }
  preview.valid = preview.errorCount === 0;
  return preview;
}
