/** Loyalty bonds over HTTP (SPEC §9): the financial, social and structural ties a customer has with us. */
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  BondPageSchema,
  BondParamsSchema,
  BondSchema,
  CreateBondSchema,
  CustomerBondsQuerySchema,
  DeleteBondQuerySchema,
  ListBondsQuerySchema,
  UpdateBondSchema,
} from "../../shared/schemas/bonds.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findBond, listBonds } from "./bonds.repository.js";
import { presentBond } from "./bonds.presenter.js";
import { createBond, deleteBond, updateBond } from "./changeBond.js";

export const bondsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["bonds"];
  const present = (row: Parameters<typeof presentBond>[0]) => presentBond(row);

  app.get(
    "/api/bonds",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "List bonds across the customers you may read, by level, kind and whether in force",
        querystring: ListBondsQuerySchema,
        response: { 200: BondPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listBonds(db, actorOf(request), request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/customers/:id/bonds",
    {
      config: { access: "customer:read" },
      schema: {
        tags,
        summary: "A customer's loyalty bonds",
        params: IdParamsSchema,
        querystring: CustomerBondsQuerySchema,
        response: { 200: BondPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listBonds(db, actorOf(request), {
        ...request.query,
        customerId: request.params.id,
      });
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/customers/:id/bonds/:bondId",
    {
      config: { access: "customer:read" },
      schema: {
        tags,
        summary: "One bond",
        params: BondParamsSchema,
        response: { 200: BondSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findBond(db, actorOf(request), request.params.id, request.params.bondId);
      if (!row) throw NotFound("Bond", request.params.bondId);
      return present(row);
    },
  );

  app.post(
    "/api/customers/:id/bonds",
    {
      config: { access: "customer:write" },
      schema: {
        tags,
        summary: "Record a bond: financial, social or structural",
        params: IdParamsSchema,
        body: CreateBondSchema,
        response: { 201: BondSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createBond({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(present(row));
    },
  );

  app.patch(
    "/api/customers/:id/bonds/:bondId",
    {
      config: { access: "customer:write" },
      schema: {
        tags,
        summary: "Change a bond, e.g. set endedOn when it ends (send the version you read)",
        params: BondParamsSchema,
        body: UpdateBondSchema,
        response: { 200: BondSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await updateBond({
          db,
          actor: actorOf(request),
          customerId: request.params.id,
          id: request.params.bondId,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );

  app.delete(
    "/api/customers/:id/bonds/:bondId",
    {
      config: { access: "customer:write" },
      schema: {
        tags,
        summary: "Delete a bond recorded by mistake (an ended bond is better kept with endedOn)",
        params: BondParamsSchema,
        querystring: DeleteBondQuerySchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteBond({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        id: request.params.bondId,
        version: request.query.version,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
