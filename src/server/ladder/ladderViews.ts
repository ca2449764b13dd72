/** The ladder as a whole, within the actor's reach: problem share, the board and the flows. */
import type { Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { STAGES } from "../../shared/enums.js";
import { problemShare } from "../../shared/ladder/problemShare.js";
import { isOverdue, timeInStage } from "../../shared/ladder/stages.js";
import type { BoardQuery } from "../../shared/schemas/ladder.js";
import { ValidationError } from "../http/errors.js";
import {
  countByStage,
  countFlows,
  countProblemCustomers,
  listBoardColumn,
} from "./ladder.repository.js";

/** The share of active customers in problem, overall and per owner, with the 3 % alert. */
export async function findProblemShare({ db, actor }: { db: Queryable; actor: Actor }) {
  return problemShare(await countProblemCustomers(db, actor));
}

/**
 * The ladder board: counts per stage and, per column, the customers longest in the stage first
 * with their time in stage and an overdue flag. With `stage`, that column alone (and its cursor).
 */
export async function findBoard({
  db,
  actor,
  query,
  asOf,
}: {
  db: Queryable;
  actor: Actor;
  query: BoardQuery;
  asOf: Date;
}) {
  if (query.cursor && !query.stage)
    throw ValidationError("cursor", "cursor: page one column at a time; give its stage");
  const counts = await countByStage(db, actor, query.ownerId);
  const columns = [];
  for (const stage of query.stage ? [query.stage] : STAGES) {
    // Sequential on purpose: the embedded database has a single connection.
    const page = await listBoardColumn(db, actor, stage, query);
    columns.push({
      stage,
      count: counts[stage],
      items: page.items.map((row) => ({
        ...row,
        stageSince: row.stageSince.toISOString(),
        timeInStage: timeInStage(row.stageSince, asOf),
        overdue: isOverdue(stage, row.stageSince, asOf),
      })),
      nextCursor: page.nextCursor,
    });
  }
  return { counts, columns, asOf: asOf.toISOString() };
}

const DAY_MS = 86_400_000;

/** Stage moves between each pair of stages in [from, to): the ladder's flows (SPEC §12). */
export async function findFlows({
  db,
  actor,
  from,
  to,
}: {
  db: Queryable;
  actor: Actor;
  from?: Date | undefined;
  to: Date;
}) {
  const start = from ?? new Date(to.getTime() - 90 * DAY_MS);
  if (start >= to) throw ValidationError("from", "from: must be before to");
  const flows = await countFlows(db, actor, start, to);
  return {
    from: start.toISOString(),
    to: to.toISOString(),
    total: flows.reduce((n, f) => n + f.count, 0),
    flows,
  };
}
