/** The customer 360 view over HTTP. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { Customer360Schema } from "../../shared/schemas/ladder.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findCustomer360 } from "./findCustomer360.js";

export const customer360Routes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  app.get(
    "/api/customers/:id/360",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["customers"],
        summary:
          "Customer 360 in one request: the customer, contacts, stage history, needs, deliveries by round, latest interactions, complaints, bonds, scores, upgrade conditions, next actions and the open proposal",
        params: IdParamsSchema,
        response: { 200: Customer360Schema, ...errorResponses },
      },
    },
    async (request) =>
      findCustomer360({
        db: context.database.db,
        actor: actorOf(request),
        grades: context.grades,
        customerId: request.params.id,
        asOf: new Date(),
        requestId: request.id,
      }),
  );
};
