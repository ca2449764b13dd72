/** Reads of the value catalogue (every user may read it). */
import { and, arrayOverlaps, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { valueItems } from "../db/schema.js";
import { keysetPage } from "../http/crud/paging.js";
import type { ListValueItemsQuery } from "../../shared/schemas/values.js";
import type { ValueItemRow } from "./values.presenter.js";

const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function findValueItem(db: Queryable, id: number): Promise<ValueItemRow | null> {
  const [row] = await db.select().from(valueItems).where(eq(valueItems.id, id));
  return row ?? null;
}

/** Our unique value: some competitor lacks it and none has it (see `isUniqueValue`). */
const unique = sql`(cardinality(${valueItems.competitorsLacking}) > 0 and cardinality(${valueItems.competitorsHaving}) = 0)`;

export async function listValueItems(db: Queryable, query: ListValueItemsQuery) {
  const conditions: (SQL | undefined)[] = [
    query.active === "all" ? undefined : eq(valueItems.active, query.active === "true"),
    query.kind?.length ? inArray(valueItems.kind, query.kind) : undefined,
    query.scope?.length ? inArray(valueItems.scope, query.scope) : undefined,
    query.lifecycle?.length ? inArray(valueItems.lifecycle, query.lifecycle) : undefined,
    query.dimension?.length ? arrayOverlaps(valueItems.dimensions, query.dimension) : undefined,
    query.stage?.length ? arrayOverlaps(valueItems.stages, query.stage) : undefined,
    query.needKind?.length ? arrayOverlaps(valueItems.needKinds, query.needKind) : undefined,
    query.unique === undefined ? undefined : query.unique === "true" ? unique : sql`not ${unique}`,
    query.q
      ? or(
          ilike(valueItems.title, likeLiteral(query.q)),
          ilike(valueItems.statement, likeLiteral(query.q)),
        )
      : undefined,
  ];
  return keysetPage(
    query,
    ({ after, orderBy, limit }) =>
      db
        .select()
        .from(valueItems)
        .where(and(...conditions, after))
        .orderBy(...orderBy)
        .limit(limit),
    { id: valueItems.id, idOf: (r) => r.id, direction: "asc" },
  );
}

/** What coverage counts, for every active item (a catalogue is hundreds of rows, not millions). */
export async function activeValueItemsForCoverage(db: Queryable) {
  return db
    .select({
      kind: valueItems.kind,
      scope: valueItems.scope,
      dimensions: valueItems.dimensions,
      stages: valueItems.stages,
      competitorsLacking: valueItems.competitorsLacking,
      competitorsHaving: valueItems.competitorsHaving,
    })
    .from(valueItems)
    .where(eq(valueItems.active, true));
}
