/**
 * Reads what an export holds in keyset batches (by id), never all rows at once, each batch one
 * short statement, always within the rows the actor may read (the customer list's rule) and
 * the customer list's filters.
 */
import { and, asc, eq, getTableColumns, gt, gte, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { contacts, customers, transactions, users } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { customerFilterConditions } from "../customers/customerFilter.js";
import type { ContactExportRow, CustomerExportRow, TransactionExportRow } from "./exportColumns.js";
import type { ExportKind, ExportQuery } from "./exports.schema.js";

type RowOf<K extends ExportKind> = K extends "customers"
  ? CustomerExportRow
  : K extends "contacts"
    ? ContactExportRow
    : TransactionExportRow;

/** Rows per statement: small enough that interactive queries slip between them. */
export const EXPORT_BATCH = 1000;

function customerConditions(actor: Actor, query: Partial<ExportQuery>): SQL[] {
  return [readableCustomers(actor), customerFilterConditions(query)];
}

async function customerBatch(
  db: Queryable,
  actor: Actor,
  query: Partial<ExportQuery>,
  afterId: number,
  limit: number,
) {
  return db
    .select({ ...getTableColumns(customers), ownerEmail: users.email, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(...customerConditions(actor, query), gt(customers.id, afterId)))
    .orderBy(asc(customers.id))
    .limit(limit);
}

async function contactBatch(
  db: Queryable,
  actor: Actor,
  query: Partial<ExportQuery>,
  afterId: number,
  limit: number,
) {
  return db
    .select({
      ...getTableColumns(contacts),
      customerRef: customers.externalRef,
      customerName: customers.name,
    })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(...customerConditions(actor, query), gt(contacts.id, afterId)))
    .orderBy(asc(contacts.id))
    .limit(limit);
}

async function transactionBatch(
  db: Queryable,
  actor: Actor,
  query: Partial<ExportQuery>,
  afterId: number,
  limit: number,
) {
  return db
    .select({
      ...getTableColumns(transactions),
      customerRef: customers.externalRef,
      customerName: customers.name,
    })
    .from(transactions)
    .innerJoin(customers, eq(customers.id, transactions.customerId))
    .where(
      and(
        ...customerConditions(actor, query),
        query.from ? gte(transactions.occurredAt, new Date(query.from)) : undefined,
        query.to ? lt(transactions.occurredAt, new Date(query.to)) : undefined,
        gt(transactions.id, afterId),
      ),
    )
    .orderBy(asc(transactions.id))
    .limit(limit);
}

/** Every row of an export, batch by batch. */
export async function* exportBatches<K extends ExportKind>(
  db: Queryable,
  actor: Actor,
  kind: K,
  query: Partial<ExportQuery>,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<RowOf<K>[]> {
  const read =
    kind === "customers" ? customerBatch : kind === "contacts" ? contactBatch : transactionBatch;
  let afterId = 0;
  for (;;) {
    const rows = (await read(db, actor, query, afterId, batchSize)) as RowOf<K>[];
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    afterId = rows.at(-1)!.id;
  }
}
