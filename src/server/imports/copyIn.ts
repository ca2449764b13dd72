/**
 * `COPY … FROM STDIN` of one prepared chunk on a PostgreSQL server connection.
 *
 * A pg "submittable" that answers CopyInResponse with the chunk through the connection's own
 * sendCopyFromChunk/endCopyFrom, rather than pg-copy-streams (which writes to the socket
 * directly). The embedded database cannot take COPY FROM STDIN at all: its pg adapter sends
 * each protocol message separately, and PGlite exits when a COPY's data does not arrive in
 * the same message as the COPY itself (tried with 0.5.16) — so the embedded path stages rows
 * with INSERT … SELECT FROM json instead.
 */
import type pg from "pg";

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFromChunk {
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private error: Error | null = null;
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly payload: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    connection.sendCopyFromChunk(this.payload);
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /COPY (\d+)/.exec(message.text ?? "");
    if (match) this.rows = Number(match[1]);
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rows);
  }

  // The rest of pg's submittable interface: COPY FROM answers with none of these.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  callback(): void {}
}

/** Runs `COPY table (columns) FROM STDIN` with `payload` in COPY's text format. */
export async function copyFrom(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  payload: Buffer,
): Promise<number> {
  const copy = new CopyFromChunk(`COPY ${table} (${columns.join(", ")}) FROM STDIN`, payload);
  void client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
}

const NEEDS_ESCAPE = /[\\\n\r\t]/;

// Most values need no escaping: test first rather than build a copy of every one.
const escapeText = (text: string) =>
  NEEDS_ESCAPE.test(text)
    ? text.replace(/[\\\n\r\t]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t",
      )
    : text;

const arrayItem = (item: unknown) => `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** A one-dimensional PostgreSQL array literal of text items: {"a","b"}. */
export const arrayLiteral = (items: readonly unknown[]) => `{${items.map(arrayItem).join(",")}}`;

/** One value in COPY's text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(JSON.stringify(value));
}

/** Rows of values as one COPY text payload. */
export function copyPayload(rows: readonly (readonly unknown[])[]): Buffer {
  let text = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i ? "\t" : "") + copyValue(row[i]);
    text += "\n";
  }
  return Buffer.from(text);
}
