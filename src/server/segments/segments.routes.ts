/** Segments over HTTP (SPEC §6): saved filters evaluated live, decisions, and top-down drill-down. */
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import type { Actor } from "../auth/actor.js";
import {
  CreateSegmentSchema,
  DeleteSegmentQuerySchema,
  DrilldownQuerySchema,
  DrilldownSchema,
  ListSegmentsQuerySchema,
  SegmentCustomerPageSchema,
  SegmentCustomersQuerySchema,
  SegmentPageSchema,
  SegmentSchema,
  UpdateSegmentSchema,
} from "../../shared/schemas/segments.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { openDimensions, shapeBuckets } from "../../shared/engine/segments.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { CATALOGUE_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { listCustomers } from "../customers/customers.repository.js";
import { presentCustomerListItem } from "../customers/customers.presenter.js";
import { customerFilterConditions } from "../customers/customerFilter.js";
import { findSegment } from "./segmentAccess.js";
import {
  definitionOf,
  drilldownCounts,
  listSegments,
  segmentCount,
} from "./segments.repository.js";
import { presentSegment } from "./segments.presenter.js";
import { createSegment, deleteSegment, updateSegment } from "./changeSegment.js";

export const segmentsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["segments"];

  async function readSegment(actor: Actor, id: number) {
    const row = await findSegment(db, actor, id);
    if (!row) throw NotFound("Segment", id);
    return row;
  }

  app.get(
    "/api/segments",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "List the segments you may see, by name, decision and marketing mode",
        querystring: ListSegmentsQuerySchema,
        response: { 200: SegmentPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = await listSegments(db, actor, request.query);
      const withCounts = request.query.withCounts === "true";
      const items = [];
      for (const row of page.items)
        items.push(
          presentSegment(row, withCounts ? await segmentCount(db, actor, row) : undefined),
        );
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/segments/drilldown",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "Customers per value of a segmentation dimension within a filter (and optionally a saved segment), to drill down top-down",
        querystring: DrilldownQuerySchema,
        response: { 200: DrilldownSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { dimension, segmentId, limit, ...filter } = request.query;
      const filters = [customerFilterConditions(filter)];
      if (segmentId !== undefined)
        filters.push(customerFilterConditions(definitionOf(await readSegment(actor, segmentId))));
      const groups = await drilldownCounts(db, actor, dimension, filters);
      const shaped = shapeBuckets(groups, limit);
      return {
        dimension,
        ...shaped,
        nextDimensions: openDimensions(filter).filter((d) => d !== dimension),
      };
    },
  );

  app.get(
    "/api/segments/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One segment with its live customer count",
        params: IdParamsSchema,
        response: { 200: SegmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await readSegment(actor, request.params.id);
      return presentSegment(row, await segmentCount(db, actor, row));
    },
  );

  app.get(
    "/api/segments/:id/customers",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The segment's customers now, within your access, as the customer list shows them",
        params: IdParamsSchema,
        querystring: SegmentCustomersQuerySchema,
        response: { 200: SegmentCustomerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const definition = definitionOf(await readSegment(actor, request.params.id));
      const page = await listCustomers(db, actor, { ...definition, ...request.query });
      return {
        items: page.items.map((row) => presentCustomerListItem(row, actor, context.grades)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    "/api/segments",
    {
      config: { access: { roles: CATALOGUE_ROLES } },
      schema: {
        tags,
        summary:
          "Save a segment: a customer filter, with its decision, reasoning and marketing mode",
        body: CreateSegmentSchema,
        response: { 201: SegmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await createSegment({ db, actor, input: request.body, requestId: request.id });
      return reply.status(201).send(presentSegment(row, await segmentCount(db, actor, row)));
    },
  );

  app.patch(
    "/api/segments/:id",
    {
      config: { access: { roles: CATALOGUE_ROLES } },
      schema: {
        tags,
        summary: "Change a segment (send the version you read)",
        params: IdParamsSchema,
        body: UpdateSegmentSchema,
        response: { 200: SegmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await updateSegment({
        db,
        actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return presentSegment(row, await segmentCount(db, actor, row));
    },
  );

  app.delete(
    "/api/segments/:id",
    {
      config: { access: { roles: CATALOGUE_ROLES } },
      schema: {
        tags,
        summary: "Delete a segment (its common needs go with it)",
        params: IdParamsSchema,
        querystring: DeleteSegmentQuerySchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSegment({
        db,
        actor: actorOf(request),
        id: request.params.id,
        version: request.query.version,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
