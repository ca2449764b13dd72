/** The relationship ladder over HTTP: stage changes, history, upgrade conditions and ladder views. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import {
  BoardQuerySchema,
  BoardSchema,
  FlowsQuerySchema,
  FlowsSchema,
  ProblemShareSchema,
  StageChangeResultSchema,
  StageChangeSchema,
  StageHistorySchema,
  UpgradeConditionsSchema,
} from "../../shared/schemas/ladder.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { changeStage } from "./changeStage.js";
import { findStageHistory } from "./findStageHistory.js";
import { findUpgradeConditions } from "./findUpgradeConditions.js";
import { findBoard, findFlows, findProblemShare } from "./ladderViews.js";

export const ladderRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.post(
    "/api/customers/:id/stage",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["ladder"],
        summary:
          "Move a customer to another stage, with the reason (409 invalid_stage_transition for a move the ladder forbids)",
        params: IdParamsSchema,
        body: StageChangeSchema,
        response: { 200: StageChangeResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { to, reason, version } = request.body;
      return db.transaction((tx) =>
        changeStage({
          tx,
          actor,
          customerId: request.params.id,
          to,
          reason,
          version,
          requestId: request.id,
        }),
      );
    },
  );

  app.get(
    "/api/customers/:id/stage-history",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["ladder"],
        summary:
          "Every stage change of a customer (who, when, why) and the time spent in each stage",
        params: IdParamsSchema,
        response: { 200: StageHistorySchema, ...errorResponses },
      },
    },
    async (request) =>
      findStageHistory({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        asOf: new Date(),
      }),
  );

  app.get(
    "/api/customers/:id/upgrade-conditions",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["ladder"],
        summary: "The six upgrade conditions: the evidence found for each and what is missing",
        params: IdParamsSchema,
        response: { 200: UpgradeConditionsSchema, ...errorResponses },
      },
    },
    async (request) =>
      findUpgradeConditions({
        db,
        actor: actorOf(request),
        grades: context.grades,
        customerId: request.params.id,
        asOf: new Date(),
      }),
  );

  app.get(
    "/api/ladder/problem-share",
    {
      config: { access: "user" },
      schema: {
        tags: ["ladder"],
        summary: "Share of active customers in problem, overall and per owner (alert above 3 %)",
        response: { 200: ProblemShareSchema, ...errorResponses },
      },
    },
    async (request) => findProblemShare({ db, actor: actorOf(request) }),
  );

  app.get(
    "/api/ladder/board",
    {
      config: { access: "user" },
      schema: {
        tags: ["ladder"],
        summary:
          "The ladder board: counts per stage and customers per stage (longest in stage first, keyset paged per stage) with overdue flags",
        querystring: BoardQuerySchema,
        response: { 200: BoardSchema, ...errorResponses },
      },
    },
    async (request) =>
      findBoard({ db, actor: actorOf(request), query: request.query, asOf: new Date() }),
  );

  app.get(
    "/api/ladder/flows",
    {
      config: { access: "user" },
      schema: {
        tags: ["ladder"],
        summary: "Counts of stage moves between stages in a period (default: the last 90 days)",
        querystring: FlowsQuerySchema,
        response: { 200: FlowsSchema, ...errorResponses },
      },
    },
    async (request) =>
      findFlows({
        db,
        actor: actorOf(request),
        from: request.query.from ? new Date(request.query.from) : undefined,
        to: request.query.to ? new Date(request.query.to) : new Date(),
      }),
  );
};
