/** Interactions over HTTP (SPEC §10): what passed between us and a customer, on which channel. */
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  InteractionPageSchema,
  InteractionSchema,
  ListInteractionsQuerySchema,
  RecordInteractionSchema,
} from "../../shared/schemas/interactions.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findInteraction, listInteractions } from "./interactions.repository.js";
import { presentInteraction } from "./interactions.presenter.js";
import { recordInteraction } from "./recordInteraction.js";
import { deleteInteraction } from "./deleteInteraction.js";

export const interactionsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["interactions"];

  app.get(
    "/api/interactions",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "List interactions, newest first, by customer, contact, plan, channel, content type, direction and time",
        querystring: ListInteractionsQuerySchema,
        response: { 200: InteractionPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listInteractions(db, actorOf(request), request.query);
      return { items: page.items.map(presentInteraction), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/interactions/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One interaction",
        params: IdParamsSchema,
        response: { 200: InteractionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findInteraction(db, actorOf(request), request.params.id);
      if (!row) throw NotFound("Interaction", request.params.id);
      return presentInteraction(row);
    },
  );

  app.post(
    "/api/interactions",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Record an interaction (information, emotion or opinion; inbound or outbound)",
        body: RecordInteractionSchema,
        response: { 201: InteractionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await recordInteraction({
        db,
        actor: actorOf(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentInteraction(row));
    },
  );

  app.delete(
    "/api/interactions/:id",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Remove a wrongly recorded interaction (audited; interactions are not edited)",
        params: IdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInteraction({
        db,
        actor: actorOf(request),
        id: request.params.id,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
