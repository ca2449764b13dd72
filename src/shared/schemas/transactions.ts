/** Transactions: what a customer bought, the raw material of customer-value analytics (SPEC §7). */
import { z } from "zod";
import { DateTimeSchema, IdSchema, PageQuerySchema, pageOf, shortText } from "./common.js";

const cents = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);

export const CreateTransactionSchema = z.strictObject({
  /** When it happened, with an offset (UTC is stored). */
  occurredAt: DateTimeSchema,
  /** Revenue in cents (negative for a refund). */
  amountCents: cents,
  /** Cost to serve in cents, when known. */
  costCents: cents.min(0).nullable().optional(),
  quantity: z.number().int().min(1).max(1_000_000).optional(),
  product: shortText().nullable().optional(),
  channel: shortText().nullable().optional(),
  /** The transaction's key in an outside system; unique. */
  externalRef: shortText().min(1).nullable().optional(),
});
export type CreateTransactionInput = z.infer<typeof CreateTransactionSchema>;

export const TransactionSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  occurredAt: z.string(),
  amountCents: z.number(),
  costCents: z.number().nullable(),
  quantity: z.number(),
  product: z.string().nullable(),
  channel: z.string().nullable(),
  externalRef: z.string().nullable(),
});
export type Transaction = z.infer<typeof TransactionSchema>;

export const ListTransactionsQuerySchema = PageQuerySchema.extend({
  from: DateTimeSchema.optional(),
  to: DateTimeSchema.optional(),
}).strict();
export const TransactionPageSchema = pageOf(TransactionSchema);
export const TransactionParamsSchema = z.strictObject({ id: IdSchema, transactionId: IdSchema });

export const PurchaseSummarySchema = z.object({
  firstPurchaseAt: z.string(),
  lastPurchaseAt: z.string(),
  purchaseDays: z.number(),
  transactionCount: z.number(),
  revenueCents: z.number(),
  costCents: z.number(),
});
