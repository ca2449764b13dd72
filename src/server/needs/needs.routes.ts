/** Customer and segment needs over HTTP (SPEC §3): thin handlers around the need services. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  CreateNeedSchema,
  CustomerNeedsQuerySchema,
  ListNeedsQuerySchema,
  NeedPageSchema,
  NeedSchema,
  UnmetCorePageSchema,
  UnmetCoreQuerySchema,
  UpdateNeedSchema,
} from "../../shared/schemas/needs.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findNeed, listNeeds, listUnmetCoreCustomers } from "./needs.repository.js";
import { presentNeed } from "./needs.presenter.js";
import { createNeed } from "./createNeed.js";
import { updateNeed } from "./updateNeed.js";

export const needsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["needs"];

  app.get(
    "/api/needs",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "List needs of customers and segments, filtered by owner, level, kind, status and source",
        querystring: ListNeedsQuerySchema,
        response: { 200: NeedPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listNeeds(db, actorOf(request), request.query);
      return { items: page.items.map(presentNeed), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/needs/unmet-core",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "Customers flagged with an unmet core need (open, being met or deferred); no upgrade is proposed for them",
        querystring: UnmetCoreQuerySchema,
        response: { 200: UnmetCorePageSchema, ...errorResponses },
      },
    },
    async (request) => listUnmetCoreCustomers(db, actorOf(request), request.query),
  );

  app.get(
    "/api/customers/:id/needs",
    {
      config: { access: "customer:read" },
      schema: {
        tags,
        summary: "One customer's needs",
        params: IdParamsSchema,
        querystring: CustomerNeedsQuerySchema,
        response: { 200: NeedPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listNeeds(db, actorOf(request), {
        ...request.query,
        customerId: request.params.id,
      });
      return { items: page.items.map(presentNeed), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/needs/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One need",
        params: IdParamsSchema,
        response: { 200: NeedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findNeed(db, actorOf(request), request.params.id);
      if (!row) throw NotFound("Need", request.params.id);
      return presentNeed(row);
    },
  );

  app.post(
    "/api/needs",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Record a need of a customer or a segment",
        body: CreateNeedSchema,
        response: { 201: NeedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createNeed({
        db,
        actor: actorOf(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentNeed(row));
    },
  );

  app.patch(
    "/api/needs/:id",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Change a need (send the version you read); status met stamps metAt",
        params: IdParamsSchema,
        body: UpdateNeedSchema,
        response: { 200: NeedSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentNeed(
        await updateNeed({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );
};
