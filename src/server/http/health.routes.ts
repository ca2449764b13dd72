import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";

export const healthRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness and database reachability",
        response: {
          200: z.object({ status: z.literal("ok"), database: z.literal("ok") }),
          503: z.object({ status: z.literal("degraded"), database: z.literal("unreachable") }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await context.database.pool.query("select 1");
        return { status: "ok" as const, database: "ok" as const };
      } catch {
        return reply
          .status(503)
          .send({ status: "degraded" as const, database: "unreachable" as const });
      }
    },
  );
};
