/**
 * PostgreSQL's text forms for demo rows: the value text a cast accepts (arrays as `{…}`
 * literals, jsonb as JSON), and the COPY text format built on it (tab-separated, `\N` for null,
 * backslash escapes). See https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */
import type { Cell, Row, TableSpec } from "./rows.js";

/** An array literal element: always quoted, so commas, braces and spaces are safe. */
const arrayElement = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The text PostgreSQL reads for one value, or null for SQL NULL. */
export function valueText(value: Cell | undefined, json: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (json) return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(",")}}`;
  return JSON.stringify(value);
}

const COPY_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};
/** Whether COPY text needs escapes; a char loop, as this runs for every text cell loaded. */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 || code === 10 || code === 13 || code === 9) return true;
  }
  return false;
}
const copyEscape = (text: string) =>
  needsEscape(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c] ?? c) : text;

/**
 * Encodes rows as COPY text lines, columns in the spec's order. Written as one flat loop with
 * the common types first: this runs for every cell of every demo row, and it is as costly as
 * generating the rows when it goes through `valueText`.
 */
export function copyTextLines(spec: TableSpec, rows: readonly Row[]): string {
  const columns = spec.columns;
  const json = columns.map((column) => spec.json?.includes(column) ?? false);
  let out = "";
  for (const row of rows) {
    for (let index = 0; index < columns.length; index++) {
      const value = row[columns[index] as string];
      let text: string;
      if (value === null || value === undefined) text = "\\N";
      else if (typeof value === "number") text = String(value);
      else if (typeof value === "string" && !json[index]) text = copyEscape(value);
      else text = copyEscape(valueText(value, json[index] ?? false) ?? "");
      out += index === 0 ? text : `\t${text}`;
    }
    out += "\n";
  }
  return out;
}

/** The rows as one text array per column (for `unnest`), columns in the spec's order. */
export function columnTexts(spec: TableSpec, rows: readonly Row[]): (string | null)[][] {
  return spec.columns.map((column) => {
    const json = spec.json?.includes(column) ?? false;
    return rows.map((row) => valueText(row[column], json));
  });
}
