/** Reads of the ladder: stage history, problem share, the board and flows, within the actor's reach. */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, stageEvents, users } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { STAGES, type Stage } from "../../shared/enums.js";
import type { OwnerCounts } from "../../shared/ladder/problemShare.js";
import type { BoardQuery } from "../../shared/schemas/ladder.js";
import { decodeCursor, encodeCursor } from "../http/cursor.js";
import { ValidationError } from "../http/errors.js";

export interface StageEventRow {
  id: number;
  from: Stage | null;
  to: Stage;
  reason: string;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  proposalId: number | null;
}

/** A customer's stage events with the names of who moved it, oldest first. */
export async function listStageEvents(db: Queryable, customerId: number): Promise<StageEventRow[]> {
  const rows = await db
    .select({
      id: stageEvents.id,
      from: stageEvents.fromStage,
      to: stageEvents.toStage,
      reason: stageEvents.reason,
      at: stageEvents.at,
      actorId: stageEvents.actorId,
      actorName: users.name,
      proposalId: stageEvents.proposalId,
    })
    .from(stageEvents)
    .leftJoin(users, eq(users.id, stageEvents.actorId))
    .where(eq(stageEvents.customerId, customerId))
    .orderBy(asc(stageEvents.at), asc(stageEvents.id));
  return rows as StageEventRow[];
}

/** Active (not exited) and problem customers per owner; archived customers are left out. */
export async function countProblemCustomers(db: Queryable, actor: Actor): Promise<OwnerCounts[]> {
  const rows = await db
    .select({
      ownerId: customers.ownerId,
      ownerName: users.name,
      active: sql<number>`count(*) filter (where ${customers.stage} <> 'exited')::int`,
      problem: sql<number>`count(*) filter (where ${customers.stage} = 'problem')::int`,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(readableCustomers(actor), sql`${customers.archivedAt} is null`))
    .groupBy(customers.ownerId, users.name);
  return rows;
}

export interface BoardRow {
  id: number;
  name: string;
  kind: string;
  ownerId: number;
  ownerName: string | null;
  stageSince: Date;
  version: number;
}

/**
 * One page of a board column: customers in `stage`, longest in the stage first. The cursor
 * holds stage_since in PostgreSQL's full (microsecond) precision, so no row repeats or goes missing.
 */
export async function listBoardColumn(
  db: Queryable,
  actor: Actor,
  stage: Stage,
  query: Pick<BoardQuery, "ownerId" | "limit" | "cursor">,
) {
  const conditions: SQL[] = [
    readableCustomers(actor),
    sql`${customers.archivedAt} is null`,
    eq(customers.stage, stage),
  ];
  if (query.ownerId?.length)
    conditions.push(sql`${customers.ownerId} = any(${sql.param(query.ownerId)}::bigint[])`);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (typeof cursor.value !== "string")
      throw ValidationError("cursor", "cursor: not a board cursor");
    conditions.push(
      sql`(${customers.stageSince}, ${customers.id}) > (${cursor.value}::timestamptz, ${cursor.id})`,
    );
  }
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      kind: customers.kind,
      ownerId: customers.ownerId,
      ownerName: users.name,
      stageSince: customers.stageSince,
      sinceKey: sql<string>`${customers.stageSince}::text`,
      version: customers.version,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(...conditions))
    .orderBy(asc(customers.stageSince), asc(customers.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ value: last.sinceKey, id: last.id }) : null;
  return { items: items.map(({ sinceKey: _k, ...row }) => row as BoardRow), nextCursor };
}

/** Customers per stage within the actor's reach (archived left out), every stage present. */
export async function countByStage(
  db: Queryable,
  actor: Actor,
  ownerIds?: readonly number[],
): Promise<Record<Stage, number>> {
  const rows = await db
    .select({ stage: customers.stage, n: sql<number>`count(*)::int` })
    .from(customers)
    .where(
      and(
        readableCustomers(actor),
        sql`${customers.archivedAt} is null`,
        ownerIds?.length
          ? sql`${customers.ownerId} = any(${sql.param(ownerIds)}::bigint[])`
          : undefined,
      ),
    )
    .groupBy(customers.stage);
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const row of rows) counts[row.stage as Stage] = row.n;
  return counts;
}

/** Counts of stage moves between stages in [from, to), archived customers left out. */
export async function countFlows(db: Queryable, actor: Actor, from: Date, to: Date) {
  const rows = await db
    .select({
      from: stageEvents.fromStage,
      to: stageEvents.toStage,
      count: sql<number>`count(*)::int`,
    })
    .from(stageEvents)
    .innerJoin(customers, eq(customers.id, stageEvents.customerId))
    .where(
      and(
        readableCustomers(actor),
        sql`${customers.archivedAt} is null`,
        sql`${stageEvents.at} >= ${from} and ${stageEvents.at} < ${to}`,
      ),
    )
    .groupBy(stageEvents.fromStage, stageEvents.toStage)
    .orderBy(sql`count(*) desc`, stageEvents.fromStage, stageEvents.toStage);
  return rows as { from: Stage | null; to: Stage; count: number }[];
}
