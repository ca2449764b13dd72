/** Reads of segments and the live counts behind them, within the reader's access. */
import { and, asc, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, segments } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { keysetPage } from "../http/crud/paging.js";
import { countCustomers } from "../customers/customers.repository.js";
import { customerFilterConditions } from "../customers/customerFilter.js";
import { CustomerFilterSchema, type CustomerFilter } from "../../shared/schemas/customers.js";
import type { DrilldownDimension } from "../../shared/engine/segments.js";
import type { ListSegmentsQuery } from "../../shared/schemas/segments.js";
import { readableSegments, type SegmentRow } from "./segmentAccess.js";

const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A stored definition as a filter. Definitions are validated when saved; one saved under an
 * older filter shape keeps the parts that still parse rather than failing every read.
 */
export function definitionOf(segment: SegmentRow): CustomerFilter {
  const parsed = CustomerFilterSchema.safeParse(segment.definition);
  if (parsed.success) return parsed.data;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(segment.definition as Record<string, unknown>)) {
    const one = CustomerFilterSchema.safeParse({ [key]: value });
    if (one.success && key in CustomerFilterSchema.shape)
      kept[key] = (one.data as Record<string, unknown>)[key];
  }
  return kept as CustomerFilter;
}

/** How many customers the segment holds now, among those the actor may read. */
export const segmentCount = (db: Queryable, actor: Actor, segment: SegmentRow) =>
  countCustomers(db, actor, customerFilterConditions(definitionOf(segment)));

export async function listSegments(db: Queryable, actor: Actor, query: ListSegmentsQuery) {
  const conditions: (SQL | undefined)[] = [
    readableSegments(actor),
    query.q ? ilike(segments.name, likeLiteral(query.q)) : undefined,
    query.decision?.length ? inArray(segments.decision, query.decision) : undefined,
    query.marketingMode?.length ? inArray(segments.marketingMode, query.marketingMode) : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(segments)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: segments.id, idOf: (r) => r.id, direction: "asc" },
  );
}

/** Customers per value of one dimension, within a filter and the actor's access. */
export async function drilldownCounts(
  db: Queryable,
  actor: Actor,
  dimension: DrilldownDimension,
  filters: SQL[],
) {
  const column = customers[dimension];
  return db
    .select({ value: sql<string | null>`${column}`, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(readableCustomers(actor), ...filters))
    .groupBy(column)
    .orderBy(asc(column));
}
