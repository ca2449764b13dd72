/** Customer-value analytics over HTTP: start a refresh, follow it, and read the aggregates. */
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  ClvScatterQuerySchema,
  ClvScatterSchema,
  OverviewSchema,
  ParetoSchema,
  RefreshRequestSchema,
  RefreshStatusSchema,
  RetentionQuerySchema,
  RetentionSchema,
  RfmSegmentProfilesSchema,
  SizeTiersSchema,
} from "../../shared/schemas/analytics.js";
import { actorOf } from "../http/auth.plugin.js";
import { Conflict } from "../http/errors.js";
import { errorResponses } from "../customers/customers.routes.js";
import { latestRun, refreshScores } from "./refreshScores.js";
import {
  clvScatter,
  paretoCurve,
  profitBySizeTier,
  retentionByCohort,
  scoreOverview,
} from "./analytics.repository.js";
import { rfmSegmentProfiles } from "./rfmSegmentProfiles.js";
import { recordAudit } from "../audit/recordAudit.js";

const ANALYSTS = { roles: ["admin", "marketing_manager", "analyst"] as const };

const presentRun = (run: Awaited<ReturnType<typeof latestRun>>) =>
  run && {
    id: run.id,
    asOf: run.asOf.toISOString(),
    publishedAt: run.publishedAt?.toISOString() ?? null,
    fit: run.fit,
  };

export const analyticsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  // One refresh at a time per server; its progress is what GET /status reports.
  const job = {
    running: false,
    phase: null as string | null,
    done: 0,
    total: 0,
    error: null as string | null,
  };

  app.post(
    "/api/analytics/refresh",
    {
      config: { access: ANALYSTS },
      schema: {
        tags: ["analytics"],
        summary:
          "Start recomputing ABC, RFM, CLV and life-cycle scores; follow it with GET /api/analytics/status",
        body: RefreshRequestSchema,
        response: { 202: z.object({ started: z.literal(true) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (job.running) throw Conflict("A refresh is already running");
      const { asOf, ...options } = request.body;
      Object.assign(job, { running: true, phase: "read", done: 0, total: 0, error: null });
      const actor = actorOf(request);
      void refreshScores({
        database: context.database,
        asOf: asOf ? new Date(asOf) : new Date(),
        options,
        onProgress: (phase, done, total) => Object.assign(job, { phase, done, total }),
      })
        .then((result) =>
          recordAudit(db, {
            actor,
            action: "refresh",
            entity: "score_run",
            entityId: result.runId,
            after: { customers: result.customers, seconds: result.seconds },
            requestId: request.id,
          }),
        )
        .catch((error: unknown) => {
          job.error = error instanceof Error ? error.message : String(error);
          request.log.error({ err: error }, "analytics refresh failed");
        })
        .finally(() => Object.assign(job, { running: false, phase: null }));
      return reply.status(202).send({ started: true as const });
    },
  );

  app.get(
    "/api/analytics/status",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary: "Whether a refresh is running, its progress, and the newest published run",
        response: { 200: RefreshStatusSchema, ...errorResponses },
      },
    },
    async () => ({
      ...job,
      lastRun: presentRun(await latestRun(db)),
    }),
  );

  app.get(
    "/api/analytics/overview",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary:
          "ABC classes, RFM segments and grid, CLV quadrants and life-cycle phases of the customers you may see",
        response: { 200: OverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Independent reads: on PostgreSQL they run side by side on two connections.
      const [run, overview] = await Promise.all([
        latestRun(db),
        scoreOverview(db, actorOf(request)),
      ]);
      return { run: presentRun(run), ...overview };
    },
  );

  app.get(
    "/api/analytics/pareto",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary: "The Pareto curve of revenue (ABC analysis)",
        response: { 200: ParetoSchema, ...errorResponses },
      },
    },
    async (request) => ({
      points: await paretoCurve(db, actorOf(request)),
    }),
  );

  app.get(
    "/api/analytics/clv-scatter",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary: "A sample of customers by current profit and predicted CLV, with their quadrant",
        querystring: ClvScatterQuerySchema,
        response: { 200: ClvScatterSchema, ...errorResponses },
      },
    },
    async (request) => ({
      points: await clvScatter(db, actorOf(request), request.query.limit),
    }),
  );

  app.get(
    "/api/analytics/retention",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary: "Retention of acquisition cohorts period by period (churn is its complement)",
        querystring: RetentionQuerySchema,
        response: { 200: RetentionSchema, ...errorResponses },
      },
    },
    async (request) => ({
      period: request.query.period,
      cohorts: await retentionByCohort(db, actorOf(request), request.query.period),
    }),
  );

  app.get(
    "/api/analytics/size-tiers",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary: "Revenue, cost and profit by customer size tier",
        response: { 200: SizeTiersSchema, ...errorResponses },
      },
    },
    async (request) => ({
      tiers: await profitBySizeTier(db, actorOf(request)),
    }),
  );

  app.get(
    "/api/analytics/rfm-segments",
    {
      config: { access: "user" },
      schema: {
        tags: ["analytics"],
        summary:
          "RFM segments with their revenue and average recency (days), frequency and monetary value",
        response: { 200: RfmSegmentProfilesSchema, ...errorResponses },
      },
    },
    async (request) => ({
      segments: await rfmSegmentProfiles(db, actorOf(request)),
    }),
  );
};
