/** Value delivery over HTTP (SPEC §5): plan, deliver, evaluate; the spiral; suggestions. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import type { Actor } from "../auth/actor.js";
import {
  CancelDeliverySchema,
  DeliverSchema,
  DeliveryPageSchema,
  DeliveryRoundPageSchema,
  DeliverySchema,
  DeliverySuggestionsSchema,
  EvaluateDeliverySchema,
  ListDeliveriesQuerySchema,
  PlanDeliverySchema,
  SpiralQuerySchema,
  SuggestionsQuerySchema,
  UpdateDeliverySchema,
} from "../../shared/schemas/deliveries.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findDelivery, listDeliveries, listRounds } from "./deliveries.repository.js";
import { presentDelivery, presentRound } from "./deliveries.presenter.js";
import { planDelivery } from "./planDelivery.js";
import { updateDelivery } from "./updateDelivery.js";
import { advanceDelivery, type DeliveryStep } from "./advanceDelivery.js";
import { suggestDeliveriesFor } from "./suggestDeliveriesFor.js";

export const deliveriesRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["deliveries"];

  async function readDelivery(actor: Actor, id: number) {
    const row = await findDelivery(db, actor, id);
    if (!row) throw NotFound("Delivery", id);
    return presentDelivery(row);
  }

  app.get(
    "/api/deliveries",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "List value deliveries by customer, status, outcome, value item, need and planned time",
        querystring: ListDeliveriesQuerySchema,
        response: { 200: DeliveryPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listDeliveries(db, actorOf(request), request.query);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/customers/:id/deliveries",
    {
      config: { access: "customer:read" },
      schema: {
        tags,
        summary:
          "The customer's value spiral: rounds of deliveries with their outcomes, paged by round",
        params: IdParamsSchema,
        querystring: SpiralQuerySchema,
        response: { 200: DeliveryRoundPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listRounds(db, request.params.id, request.query);
      return { items: page.rounds.map(presentRound), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/customers/:id/delivery-suggestions",
    {
      config: { access: "customer:read" },
      schema: {
        tags,
        summary:
          "Catalogue items to deliver next, ranked from the stage playbook and the customer's unmet needs (core needs first), each with its reasons",
        params: IdParamsSchema,
        querystring: SuggestionsQuerySchema,
        response: { 200: DeliverySuggestionsSchema, ...errorResponses },
      },
    },
    async (request) =>
      suggestDeliveriesFor({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        limit: request.query.limit,
      }),
  );

  app.get(
    "/api/deliveries/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One delivery",
        params: IdParamsSchema,
        response: { 200: DeliverySchema, ...errorResponses },
      },
    },
    async (request) => readDelivery(actorOf(request), request.params.id),
  );

  app.post(
    "/api/deliveries",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary:
          "Plan a delivery: stage (read from the customer), content, timing, medium; a new round unless an open one is continued",
        body: PlanDeliverySchema,
        response: { 201: DeliverySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await planDelivery({ db, actor, input: request.body, requestId: request.id });
      return reply.status(201).send(await readDelivery(actor, id));
    },
  );

  app.patch(
    "/api/deliveries/:id",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Change a planned delivery (send the version you read)",
        params: IdParamsSchema,
        body: UpdateDeliverySchema,
        response: { 200: DeliverySchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateDelivery({
        db,
        actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return readDelivery(actor, request.params.id);
    },
  );

  const steps = [
    {
      path: "deliver",
      to: "delivered",
      body: DeliverSchema,
      summary: "Record that a planned delivery reached the customer",
    },
    {
      path: "evaluate",
      to: "evaluated",
      body: EvaluateDeliverySchema,
      summary:
        "Step 5: record whether the customer accepted it (accepted, partly, rejected) and the evidence",
    },
    {
      path: "cancel",
      to: "cancelled",
      body: CancelDeliverySchema,
      summary: "Drop a delivery that was planned or is awaiting its verdict",
    },
  ] as const;
  for (const { path, to, body, summary } of steps) {
    app.post(
      `/api/deliveries/:id/${path}`,
      {
        config: { access: { roles: WRITER_ROLES } },
        schema: {
          tags,
          summary,
          params: IdParamsSchema,
          body,
          response: { 200: DeliverySchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const step = { to, input: request.body } as DeliveryStep;
        await advanceDelivery({ db, actor, id: request.params.id, step, requestId: request.id });
        return readDelivery(actor, request.params.id);
      },
    );
  }
};
