import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { purchaseSummaries, transactions } from "../db/schema.js";
import type { Cursor } from "../http/cursor.js";

export type TransactionRow = typeof transactions.$inferSelect;

/** A customer's transactions, newest first, by keyset on (occurred_at, id). */
export async function listTransactions(
  db: Queryable,
  customerId: number,
  options: {
    limit: number;
    cursor?: Cursor | null;
    from?: string | undefined;
    to?: string | undefined;
  },
) {
  const conditions: (SQL | undefined)[] = [
    eq(transactions.customerId, customerId),
    options.from ? gte(transactions.occurredAt, new Date(options.from)) : undefined,
    options.to ? lte(transactions.occurredAt, new Date(options.to)) : undefined,
  ];
  if (options.cursor) {
    const at = new Date(String(options.cursor.value));
    conditions.push(
      or(
        lt(transactions.occurredAt, at),
        and(eq(transactions.occurredAt, at), lt(transactions.id, options.cursor.id)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(transactions)
    .where(and(...conditions))
    .orderBy(desc(transactions.occurredAt), desc(transactions.id))
    .limit(options.limit + 1);
  return { items: rows.slice(0, options.limit), more: rows.length > options.limit };
}

export async function findPurchaseSummary(db: Queryable, customerId: number) {
  const [row] = await db
    .select()
    .from(purchaseSummaries)
    .where(eq(purchaseSummaries.customerId, customerId));
  return row ?? null;
}

export const presentTransaction = (row: TransactionRow) => ({
  id: row.id,
  customerId: row.customerId,
  occurredAt: row.occurredAt.toISOString(),
  amountCents: row.amountCents,
  costCents: row.costCents,
  quantity: row.quantity,
  product: row.product,
  channel: row.channel,
  externalRef: row.externalRef,
});
