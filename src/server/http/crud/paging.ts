/**
 * Keyset paging for every list (like `listCustomers`): rows come in a total order of
 * (sort key, id); the opaque cursor holds the last row's key and id, and the next page starts
 * strictly after it. No OFFSET, so a page costs the same however deep it is.
 *
 * A timestamp sort key must hold times written from JavaScript Dates (millisecond precision,
 * e.g. `occurredAt` sent by a client): a database-stamped `now()` has microseconds that a cursor
 * in milliseconds would cut, repeating the boundary row.
 */
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { ValidationError } from "../errors.js";

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** How a list is ordered: by id alone, or by a non-null key first and the id to break ties. */
export interface ListOrder<Row> {
  id: AnyColumn | SQL;
  idOf(row: Row): number;
  direction: "asc" | "desc";
  key?: {
    expr: AnyColumn | SQL;
    /** The SQL type the cursor value is cast to. */
    type: "timestamptz" | "date";
    of(row: Row): Date | string;
  };
}

/** The page's SQL pieces, for the caller's query. */
export interface PageSql {
  /** The condition "after the cursor", or undefined on the first page. */
  after: SQL | undefined;
  orderBy: SQL[];
  /** One more than asked, to learn whether another page follows. */
  limit: number;
}

function cursorKey(value: string | number, type: "timestamptz" | "date"): string {
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return value;
  throw ValidationError("cursor", `cursor: not a cursor this API returned (${type})`);
}

/**
 * Runs one page of a keyset-ordered query: `fetch` runs the caller's query with the page's
 * pieces, `order` says how rows are ordered (given last so the row type is known from `fetch`).
 */
export async function keysetPage<Row>(
  request: PageRequest,
  fetch: (page: PageSql) => Promise<Row[]>,
  order: ListOrder<Row>,
): Promise<Page<Row>> {
  const cursor = request.cursor ? decodeCursor(request.cursor) : null;
  const beyond = sql.raw(order.direction === "desc" ? "<" : ">");
  const direction = sql.raw(order.direction === "desc" ? "desc" : "asc");
  const { key } = order;
  let after: SQL | undefined;
  if (cursor && key) {
    const value = cursorKey(cursor.value, key.type);
    after = sql`(${key.expr}, ${order.id}) ${beyond} (${value}::${sql.raw(key.type)}, ${cursor.id})`;
  } else if (cursor) {
    after = sql`${order.id} ${beyond} ${cursor.id}`;
  }
  const orderBy = key
    ? [sql`${key.expr} ${direction}`, sql`${order.id} ${direction}`]
    : [sql`${order.id} ${direction}`];
  const rows = await fetch({ after, orderBy, limit: request.limit + 1 });
  const items = rows.slice(0, request.limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > request.limit && last) {
    const id = order.idOf(last);
    const value = key ? key.of(last) : id;
    nextCursor = encodeCursor({ value: value instanceof Date ? value.toISOString() : value, id });
  }
  return { items, nextCursor };
}
