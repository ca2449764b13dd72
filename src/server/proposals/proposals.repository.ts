/** Reads of proposals, always through a customer the actor may read. */
import { aliasedTable, and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, proposals, users } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import type { ListProposalsQuery } from "../../shared/schemas/ladder.js";
import { decodeCursor, encodeCursor } from "../http/cursor.js";

const owner = aliasedTable(users, "owner");
const decider = aliasedTable(users, "decider");

const columns = {
  id: proposals.id,
  customerId: proposals.customerId,
  customerName: customers.name,
  ownerId: customers.ownerId,
  ownerName: owner.name,
  fromStage: proposals.fromStage,
  toStage: proposals.toStage,
  rule: proposals.rule,
  evidence: proposals.evidence,
  status: proposals.status,
  createdAt: proposals.createdAt,
  decidedBy: proposals.decidedBy,
  decidedByName: decider.name,
  decidedAt: proposals.decidedAt,
  decisionNote: proposals.decisionNote,
};

function select(db: Queryable, actor: Actor, conditions: (SQL | undefined)[]) {
  return db
    .select(columns)
    .from(proposals)
    .innerJoin(customers, eq(customers.id, proposals.customerId))
    .leftJoin(owner, eq(owner.id, customers.ownerId))
    .leftJoin(decider, eq(decider.id, proposals.decidedBy))
    .where(and(readableCustomers(actor), ...conditions));
}

export type ProposalRow = Awaited<ReturnType<typeof select>>[number];

export async function findProposal(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<ProposalRow | null> {
  const [row] = await select(db, actor, [eq(proposals.id, id)]);
  return row ?? null;
}

/** The customer's open proposal, if any (there is at most one). */
export async function findOpenProposal(db: Queryable, actor: Actor, customerId: number) {
  const [row] = await select(db, actor, [
    eq(proposals.customerId, customerId),
    eq(proposals.status, "open"),
  ]);
  return row ?? null;
}

/** Newest first, by keyset on id. */
export async function listProposals(db: Queryable, actor: Actor, query: ListProposalsQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await select(db, actor, [
    query.status?.length ? inArray(proposals.status, query.status) : undefined,
    query.ownerId?.length ? inArray(customers.ownerId, query.ownerId) : undefined,
    query.rule?.length ? inArray(proposals.rule, query.rule) : undefined,
    query.stage?.length ? inArray(proposals.fromStage, query.stage) : undefined,
    query.customerId ? eq(proposals.customerId, query.customerId) : undefined,
    cursor ? lt(proposals.id, cursor.id) : undefined,
  ])
    .orderBy(desc(proposals.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ value: last.id, id: last.id }) : null,
  };
}
