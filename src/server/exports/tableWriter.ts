/**
 * Writes rows of cells as CSV (UTF-8 with a BOM, so Excel opens Chinese text correctly) or as
 * an .xlsx workbook, streaming into any writable, waiting whenever the reader is slower.
 *
 * Text cells that start with = + - @ or a tab or carriage return get a leading apostrophe, so
 * a spreadsheet shows them instead of running them as a formula (CSV/formula injection, e.g.
 * `=cmd|' /C calc'!A0`). Imports remove that apostrophe again, so values round-trip.
 */
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { CellKind } from "./exportColumns.js";
import { moneyText } from "./exportColumns.js";
import type { ExportFormat } from "./exports.schema.js";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to text a spreadsheet would take for a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One stored value as the cell of a file. */
export function cellValue(
  value: unknown,
  kind: CellKind,
  format: ExportFormat,
): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "number":
      return Number(value);
    case "money":
      return format === "xlsx" ? Number(value) / 100 : moneyText(Number(value));
    case "boolean":
      return format === "xlsx" ? Boolean(value) : value ? "true" : "false";
    case "instant":
      return value instanceof Date ? value.toISOString() : String(value);
    case "date":
      return String(value);
    case "list":
      return neutraliseFormula((value as unknown[]).join("; "));
    case "json":
      return neutraliseFormula(JSON.stringify(value));
    case "text":
      return neutraliseFormula(String(value));
  }
}

export interface TableWriter {
  /** Writes one row; resolves when the output can take more. */
  write(cells: readonly (string | number | boolean | null)[]): Promise<void>;
  /** Finishes the file. */
  end(): Promise<void>;
}

/**
 * Waits until `stream`, which said "enough", has drained — or fails when `output` closes
 * first (the client went away), so an abandoned export stops instead of waiting forever.
 */
async function drained(stream: Writable, output: Writable): Promise<void> {
  if (!stream.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off("drain", onDrain);
      output.off("close", onClose);
      output.off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error("the output closed before the export finished"));
    const onError = (error: Error) => settle(error);
    stream.once("drain", onDrain);
    output.once("close", onClose);
    output.once("error", onError);
  });
}

function csvWriter(output: Writable, header: readonly string[]): TableWriter {
  const csv = stringify({ bom: true, record_delimiter: "\r\n" });
  csv.pipe(output);
  csv.write(header);
  return {
    async write(cells) {
      if (output.destroyed) throw new Error("the output closed before the export finished");
      if (!csv.write(cells.map((cell) => (cell === null ? "" : cell)))) await drained(csv, output);
    },
    async end() {
      csv.end();
      await finished(output, { readable: false });
    },
  };
}

function xlsxWriter(output: Writable, sheetName: string, header: readonly string[]): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).commit();
  return {
    async write(cells) {
      if (output.destroyed) throw new Error("the output closed before the export finished");
      sheet.addRow([...cells]).commit();
      await drained(output, output);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function tableWriter(
  format: ExportFormat,
  output: Writable,
  sheetName: string,
  header: readonly string[],
): TableWriter {
  return format === "csv" ? csvWriter(output, header) : xlsxWriter(output, sheetName, header);
}
