/**
 * Opens an import file for checking: reads the header, maps it to fields, and hands out the
 * data rows in chunks, reading one chunk ahead so parsing overlaps the database's work.
 */
import type { Readable } from "node:stream";
import { CsvSyntaxError, type TableRow } from "./csvRecords.js";
import { HeaderError, mapHeader, type HeaderMapping } from "./importFields.js";
import type { ImportKind, ImportRowError } from "./imports.schema.js";
import { FileFormatError, readTable, type FileFormat } from "./readTable.js";

/** What an import reads: a byte stream, and what is known about it. */
export interface ImportSource {
  stream: Readable;
  /** Kept on the import's record; its extension (.csv, .xlsx) tells the format. */
  fileName: string | null;
  /** Overrides the file name; otherwise the first bytes decide. */
  format?: FileFormat | null;
  /** Size in bytes when known, for progress. */
  size?: number | null;
}

/** A row (or the file) that stops the import, with where and why. */
export class ImportRowFailure extends Error {
  constructor(readonly rowError: ImportRowError) {
    super(rowError.message);
  }
}

export interface OpenedFile {
  mapping: HeaderMapping;
  chunks: AsyncGenerator<TableRow[]>;
}

function asRowFailure(error: unknown): ImportRowFailure {
  if (error instanceof ImportRowFailure) return error;
  if (error instanceof CsvSyntaxError)
    return new ImportRowFailure({ line: error.line, message: `CSV: ${error.message}` });
  if (error instanceof FileFormatError)
    return new ImportRowFailure({ line: 0, message: error.message });
  const message = error instanceof Error ? error.message : String(error);
  return new ImportRowFailure({ line: 0, message: `the file could not be read: ${message}` });
}

/** Any failure of the reader itself is about the file, and says so. */
async function* guarded(rows: AsyncGenerator<TableRow[]>): AsyncGenerator<TableRow[]> {
  try {
    yield* rows;
  } catch (error) {
    throw asRowFailure(error);
  }
}

/** Starts producing the next item while the consumer works on the current one. */
async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = source.next();
      next.catch(() => undefined); // awaited on the next turn; do not report it unhandled meanwhile
      yield current.value;
    }
  } finally {
    await next.catch(() => undefined);
    await source.return(undefined);
  }
}

async function* rechunk(
  batches: AsyncGenerator<TableRow[]>,
  first: TableRow[],
  size: number,
): AsyncGenerator<TableRow[]> {
  let buffer = first;
  for await (const batch of batches) {
    for (const row of batch) buffer.push(row);
    while (buffer.length >= size) {
      yield buffer.slice(0, size);
      buffer = buffer.slice(size);
    }
  }
  if (buffer.length) yield buffer;
}

/** Reads up to the header and maps it; throws ImportRowFailure for an empty or unreadable file. */
export async function openImportFile(
  source: ImportSource,
  kind: ImportKind,
  { chunkRows, onBytes }: { chunkRows: number; onBytes: (bytes: number) => void },
): Promise<OpenedFile> {
  const batches = guarded(readTable(source.stream, { format: source.format ?? null, onBytes }));
  let header: TableRow | undefined;
  let rest: TableRow[] = [];
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) break;
      if (next.value.length) {
        header = next.value[0];
        rest = next.value.slice(1);
        break;
      }
    }
  } catch (error) {
    source.stream.destroy();
    throw asRowFailure(error);
  }
  if (!header) {
    source.stream.destroy();
    throw new ImportRowFailure({
      line: 0,
      message: "the file is empty: the first line must name the columns",
    });
  }
  let mapping: HeaderMapping;
  try {
    mapping = mapHeader(kind, header.cells);
  } catch (error) {
    source.stream.destroy();
    if (error instanceof HeaderError)
      throw new ImportRowFailure({ line: header.line, message: error.message });
    throw error;
  }
  return { mapping, chunks: readAhead(rechunk(batches, rest, chunkRows)) };
}

/** "Line 57, column 金额 (amount): …" — how a row error reads in one line. */
export function describeRowError(error: ImportRowError): string {
  const where = error.line > 0 ? `Line ${error.line}` : "";
  const what = error.field
    ? error.column && error.column !== error.field
      ? `column "${error.column}" (${error.field})`
      : `${error.field}`
    : "";
  const place = [where, what].filter(Boolean).join(", ");
  return place ? `${place}: ${error.message}` : error.message;
}
