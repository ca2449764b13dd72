/**
 * The header row of a CSV file, read in the browser so the user can map its columns before the
 * server checks it, and a copy of the file whose header names the chosen fields. Works on bytes:
 * in UTF-8 and in GB18030 (what Excel writes on Chinese Windows) a quote, comma, CR or LF byte
 * never occurs inside a multi-byte character, so the header's end is found without decoding
 * the rest, and an ASCII header can replace it whatever the file's encoding.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

export interface CsvHeader {
  /** The column names, as written (trimmed). */
  headers: string[];
  /** Where the header record starts (after a BOM) and ends (before its line break). */
  start: number;
  end: number;
}

function hasBom(bytes: Uint8Array): boolean {
  return BOM.every((byte, i) => bytes[i] === byte);
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (as the server decides). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Splits one CSV record (RFC 4180 quoting) into its fields. */
export function splitRecord(record: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (quoted) {
      if (char === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** Reads the header record from the first bytes of a CSV file; null when it does not end there. */
export function readCsvHeader(bytes: Uint8Array): CsvHeader | null {
  const start = hasBom(bytes) ? BOM.length : 0;
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) {
      const headers = splitRecord(decode(bytes.subarray(start, i)));
      return { headers, start, end: i };
    }
  }
  return null;
}

/** The same CSV with its header replaced by `names` (ASCII field names), the data untouched. */
export function withHeader(file: Blob, header: CsvHeader, names: readonly string[]): Blob {
  const line = names.map((name) =>
    /[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name,
  );
  return new Blob([line.join(String.fromCharCode(COMMA)), file.slice(header.end)], {
    type: "text/csv",
  });
}

/** Header names for a mapping: the chosen field, or a name no field has for a skipped column. */
export function mappedNames(mapping: readonly (string | null)[]): string[] {
  return mapping.map((field, index) => field ?? `skip_column_${index + 1}`);
}
