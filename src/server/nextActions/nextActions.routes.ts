/** Next best action per customer over HTTP. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { NextActionsSchema } from "../../shared/schemas/ladder.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findNextActions } from "./findNextActions.js";

export const nextActionsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.get(
    "/api/customers/:id/next-actions",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["ladder"],
        summary:
          "Next best actions: complaints, open core needs, the open proposal, an overdue stage, due interactions and value to deliver, ranked, each with its reason",
        params: IdParamsSchema,
        response: { 200: NextActionsSchema, ...errorResponses },
      },
    },
    async (request) =>
      findNextActions({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        asOf: new Date(),
      }),
  );
};
