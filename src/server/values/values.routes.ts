/** The value catalogue over HTTP (SPEC §4): browse by kind, scope and dimension; see where it is thin. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  CreateValueItemSchema,
  ListValueItemsQuerySchema,
  UpdateValueItemSchema,
  ValueCoverageQuerySchema,
  ValueCoverageSchema,
  type ValueCoverageResponse,
  ValueItemPageSchema,
  ValueItemSchema,
} from "../../shared/schemas/values.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { valueCoverage } from "../../shared/engine/valueCoverage.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { CATALOGUE_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { activeValueItemsForCoverage, findValueItem, listValueItems } from "./values.repository.js";
import { presentValueItem } from "./values.presenter.js";
import { createValueItem } from "./createValueItem.js";
import { updateValueItem } from "./updateValueItem.js";

export const valuesRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["values"];

  app.get(
    "/api/values",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "Browse the value catalogue by kind, scope, dimension, stage, need kind and life cycle",
        querystring: ListValueItemsQuerySchema,
        response: { 200: ValueItemPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listValueItems(db, request.query);
      return { items: page.items.map(presentValueItem), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/values/coverage",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "Active items per kind × scope, kind, value dimension and stage (zeros included) to show where the offer is thin",
        querystring: ValueCoverageQuerySchema,
        response: { 200: ValueCoverageSchema, ...errorResponses },
      },
    },
    // Scopes, dimensions and stages are stored from the same enums the schema lists.
    async (request) =>
      valueCoverage(
        await activeValueItemsForCoverage(db),
        request.query.thinBelow,
      ) as ValueCoverageResponse,
  );

  app.get(
    "/api/values/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One value item with its FABE presentation",
        params: IdParamsSchema,
        response: { 200: ValueItemSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findValueItem(db, request.params.id);
      if (!row) throw NotFound("Value item", request.params.id);
      return presentValueItem(row);
    },
  );

  app.post(
    "/api/values",
    {
      config: { access: { roles: CATALOGUE_ROLES } },
      schema: {
        tags,
        summary: "Add a value item (kinds are open-ended: the nine defaults or a new one)",
        body: CreateValueItemSchema,
        response: { 201: ValueItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createValueItem({
        db,
        actor: actorOf(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentValueItem(row));
    },
  );

  app.patch(
    "/api/values/:id",
    {
      config: { access: { roles: CATALOGUE_ROLES } },
      schema: {
        tags,
        summary: "Change a value item (send the version you read); set active false to retire it",
        params: IdParamsSchema,
        body: UpdateValueItemSchema,
        response: { 200: ValueItemSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentValueItem(
        await updateValueItem({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );
};
