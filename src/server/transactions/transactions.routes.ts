import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  CreateTransactionSchema,
  ListTransactionsQuerySchema,
  PurchaseSummarySchema,
  TransactionPageSchema,
  TransactionParamsSchema,
  TransactionSchema,
} from "../../shared/schemas/transactions.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { decodeCursor, encodeCursor } from "../http/cursor.js";
import {
  findPurchaseSummary,
  listTransactions,
  presentTransaction,
} from "./transactions.repository.js";
import { deleteTransaction, recordTransaction } from "./recordTransaction.js";

export const transactionsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.get(
    "/api/customers/:id/transactions",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["transactions"],
        summary: "A customer's transactions, newest first",
        params: IdParamsSchema,
        querystring: ListTransactionsQuerySchema,
        response: { 200: TransactionPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const page = await listTransactions(db, request.params.id, {
        ...query,
        cursor: cursor ? decodeCursor(cursor) : null,
      });
      const last = page.items.at(-1);
      return {
        items: page.items.map(presentTransaction),
        nextCursor:
          page.more && last
            ? encodeCursor({ value: last.occurredAt.toISOString(), id: last.id })
            : null,
      };
    },
  );

  app.get(
    "/api/customers/:id/purchase-summary",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["transactions"],
        summary: "First and last purchase, purchase days and totals",
        params: IdParamsSchema,
        response: { 200: PurchaseSummarySchema.nullable(), ...errorResponses },
      },
    },
    async (request) => {
      const row = await findPurchaseSummary(db, request.params.id);
      return row
        ? {
            ...row,
            firstPurchaseAt: row.firstPurchaseAt.toISOString(),
            lastPurchaseAt: row.lastPurchaseAt.toISOString(),
          }
        : null;
    },
  );

  app.post(
    "/api/customers/:id/transactions",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["transactions"],
        summary: "Record a transaction",
        params: IdParamsSchema,
        body: CreateTransactionSchema,
        response: { 201: TransactionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await recordTransaction({
        db,
        actor,
        customerId: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentTransaction(row));
    },
  );

  app.delete(
    "/api/customers/:id/transactions/:transactionId",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["transactions"],
        summary: "Remove a transaction recorded in error",
        params: TransactionParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await deleteTransaction({
        db,
        actor,
        customerId: request.params.id,
        id: request.params.transactionId,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
