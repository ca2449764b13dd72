/**
 * Reads an import file as rows of text cells, streaming: CSV (UTF-8, with or without BOM, or
 * GB18030/GBK as Excel saves "CSV" on Chinese Windows) or the first sheet of an .xlsx workbook.
 * Never holds the file in memory; an xlsx's shared strings are the one exception.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvRecords, type TableRow } from "./csvRecords.js";

export type { TableRow } from "./csvRecords.js";
export type FileFormat = "csv" | "xlsx";

export class FileFormatError extends Error {}

/** The format a file name implies, or null when it does not say. */
export function formatOfFileName(fileName: string | null | undefined): FileFormat | null {
  const name = (fileName ?? "").toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".csv") || name.endsWith(".txt")) return "csv";
  if (name.endsWith(".xls"))
    throw new FileFormatError(
      "old .xls workbooks are not supported: save the sheet as .xlsx or CSV",
    );
  return null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Picks the decoder from the first bytes: UTF-8 when they are valid UTF-8, otherwise GB18030. */
function chooseDecoder(first: Uint8Array): TextDecoder {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    return new TextDecoder("utf-8", { fatal: true });
  } catch {
    return new TextDecoder("gb18030");
  }
}

async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let offset = 0;
  for await (const chunk of bytes) {
    decoder ??= chooseDecoder(chunk);
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileFormatError(
        `the file is not valid UTF-8 (near byte ${offset}); save it as "CSV UTF-8"`,
      );
    }
    offset += chunk.byteLength;
  }
  if (decoder) yield decoder.decode();
}

/** A cell of a streamed sheet as text, the way Excel shows it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    // Excel shows 15 significant digits; beyond them a computed 12.34 may be 12.340000000000002.
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "object") {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join("");
    if ("result" in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return cell.error;
  }
  return String(value);
}

async function* xlsxRecords(input: Readable): AsyncGenerator<TableRow[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const sheet of workbook) {
    let batch: TableRow[] = [];
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((cell) => cell.trim() !== "")) batch.push({ line: row.number, cells });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    return; // only the first sheet is imported
  }
}

/** Counts bytes as they pass, for progress. */
async function* counted(
  input: Readable,
  onBytes: (total: number) => void,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    onBytes(total);
    yield bytes;
  }
}

/**
 * Rows of the file in batches, the header first. The format comes from the file's first bytes
 * (an .xlsx is a zip) when `format` is not given.
 */
export async function* readTable(
  input: Readable,
  {
    format,
    onBytes = () => undefined,
  }: { format?: FileFormat | null; onBytes?: (total: number) => void } = {},
): AsyncGenerator<TableRow[]> {
  const bytes = counted(input, onBytes);
  const first = await bytes.next();
  if (first.done) return;
  const head = first.value;
  const looksZip = ZIP_MAGIC.every((byte, i) => head[i] === byte);
  const actual = format ?? (looksZip ? "xlsx" : "csv");
  if (actual === "csv" && looksZip)
    throw new FileFormatError("this looks like an Excel workbook, not CSV: name it .xlsx");
  if (actual === "xlsx" && !looksZip) throw new FileFormatError("this is not an .xlsx workbook");
  async function* all(): AsyncGenerator<Uint8Array> {
    yield head;
    yield* bytes;
  }
  if (actual === "csv") {
    yield* csvRecords(decodeText(all()));
  } else {
    const stream = Readable.from(all(), { objectMode: false });
    try {
      yield* xlsxRecords(stream);
    } finally {
      stream.destroy();
    }
  }
}
