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
const NEEDS_ESCAPE = /[\\\n\r\t]/;
const copyEscape = (text: string) =>
  NEEDS_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c] ?? c) : text;

/** Encodes rows as COPY text lines, columns in the spec's order. */
export function copyTextLines(spec: TableSpec, rows: readonly Row[]): string {
  const json = spec.columns.map((column) => spec.json?.includes(column) ?? false);
  const parts: string[] = [];
  for (const row of rows) {
    let line = "";
    for (let index = 0; index < spec.columns.length; index++) {
      const text = valueText(row[spec.columns[index] as string], json[index] ?? false);
      if (index > 0) line += "\t";
      line += text === null ? "\\N" : copyEscape(text);
    }
    parts.push(line);
  }
  return parts.length > 0 ? `${parts.join("\n")}\n` : "";
}

/** The rows as one text array per column (for `unnest`), columns in the spec's order. */
export function columnTexts(spec: TableSpec, rows: readonly Row[]): (string | null)[][] {
  return spec.columns.map((column) => {
    const json = spec.json?.includes(column) ?? false;
    return rows.map((row) => valueText(row[column], json));
  });
}
