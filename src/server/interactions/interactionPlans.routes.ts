/** Interaction plans over HTTP (SPEC §10): object → goals → content → channel and frequency → evaluation. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  CreatePlanSchema,
  DuePlanPageSchema,
  DuePlansQuerySchema,
  InteractionPlanPageSchema,
  InteractionPlanSchema,
  ListPlansQuerySchema,
  UpdatePlanSchema,
} from "../../shared/schemas/interactions.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { dueGoals, dueHorizon, type PlanGoal } from "../../shared/engine/interactionPlans.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findPlan, listDuePlans, listPlans } from "./interactionPlans.repository.js";
import { presentPlan } from "./interactions.presenter.js";
import { createInteractionPlan } from "./createInteractionPlan.js";
import { updateInteractionPlan } from "./updateInteractionPlan.js";

export const interactionPlansRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["interactions"];

  app.get(
    "/api/interaction-plans",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "List interaction plans by customer, segment, status and channel",
        querystring: ListPlansQuerySchema,
        response: { 200: InteractionPlanPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listPlans(db, actorOf(request), request.query);
      return { items: page.items.map(presentPlan), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/interaction-plans/due",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "Active plans with unmet goals due within N days (overdue included), soonest first",
        querystring: DuePlansQuerySchema,
        response: { 200: DuePlanPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? new Date().toISOString().slice(0, 10);
      const horizon = dueHorizon(asOf, request.query.days);
      const page = await listDuePlans(db, actorOf(request), { ...request.query, horizon });
      const items = page.items.map(({ plan, firstDue }) => ({
        plan: presentPlan(plan),
        firstDue,
        dueGoals: dueGoals(plan.goals as PlanGoal[], asOf, request.query.days),
      }));
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/interaction-plans/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One interaction plan",
        params: IdParamsSchema,
        response: { 200: InteractionPlanSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findPlan(db, actorOf(request), request.params.id);
      if (!row) throw NotFound("Interaction plan", request.params.id);
      return presentPlan(row);
    },
  );

  app.post(
    "/api/interaction-plans",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Create an interaction plan for a customer, a segment, or in general",
        body: CreatePlanSchema,
        response: { 201: InteractionPlanSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createInteractionPlan({
        db,
        actor: actorOf(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentPlan(row));
    },
  );

  app.patch(
    "/api/interaction-plans/:id",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Change a plan (send the version you read): mark goals met, evaluate, close",
        params: IdParamsSchema,
        body: UpdatePlanSchema,
        response: { 200: InteractionPlanSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentPlan(
        await updateInteractionPlan({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );
};
