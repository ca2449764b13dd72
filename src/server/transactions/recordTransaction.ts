/** Recording and removing single transactions, keeping the purchase summary current in the same transaction. */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { transactions } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import type { CreateTransactionInput } from "../../shared/schemas/transactions.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { NotFound } from "../http/errors.js";
import { refreshPurchaseSummaries } from "./purchaseSummaries.js";

export async function recordTransaction({
  db,
  actor,
  customerId,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  customerId: number;
  input: CreateTransactionInput;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .insert(transactions)
      .values({ ...input, customerId, occurredAt: new Date(input.occurredAt) })
      .returning();
    await refreshPurchaseSummaries(tx, [customerId]);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "transaction",
      entityId: row!.id,
      customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}

export async function deleteTransaction({
  db,
  actor,
  customerId,
  id,
  requestId,
}: {
  db: Db;
  actor: Actor;
  customerId: number;
  id: number;
  requestId?: string;
}) {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .delete(transactions)
      .where(and(eq(transactions.customerId, customerId), eq(transactions.id, id)))
      .returning();
    if (!row) throw NotFound("Transaction", id);
    await refreshPurchaseSummaries(tx, [customerId]);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "transaction",
      entityId: id,
      customerId,
      before: row,
      requestId: requestId ?? null,
    });
  });
}
