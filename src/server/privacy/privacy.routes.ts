/** Privacy over HTTP: consents, the subject-access export and erasure of a customer's personal data. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import {
  ConsentListSchema,
  ConsentParamsSchema,
  ConsentSchema,
  CreateConsentSchema,
  EraseCustomerSchema,
  ErasureResultSchema,
  PersonalDataSchema,
  WithdrawConsentSchema,
} from "../../shared/schemas/privacy.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { listConsents, presentConsent } from "./consents.repository.js";
import { recordConsent, withdrawConsent } from "./changeConsent.js";
import { exportPersonalData } from "./exportPersonalData.js";
import { eraseCustomer } from "./eraseCustomer.js";

export const privacyRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.get(
    "/api/customers/:id/consents",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["privacy"],
        summary: "A customer's consents and legal bases by purpose, withdrawn ones included",
        params: IdParamsSchema,
        response: { 200: ConsentListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listConsents(db, request.params.id)).map(presentConsent) }),
  );

  app.post(
    "/api/customers/:id/consents",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["privacy"],
        summary: "Record a consent (or another legal basis) for one purpose",
        params: IdParamsSchema,
        body: CreateConsentSchema,
        response: { 201: ConsentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await recordConsent({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentConsent(row));
    },
  );

  app.post(
    "/api/customers/:id/consents/:consentId/withdraw",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["privacy"],
        summary: "Withdraw a consent (withdrawing again changes nothing)",
        params: ConsentParamsSchema,
        body: WithdrawConsentSchema,
        response: { 200: ConsentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await withdrawConsent({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        consentId: request.params.consentId,
        at: request.body?.at,
        requestId: request.id,
      });
      return presentConsent(row);
    },
  );

  app.get(
    "/api/customers/:id/personal-data",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["privacy"],
        summary:
          "Everything held about a customer as one document (subject access); audited as an export",
        params: IdParamsSchema,
        response: { 200: PersonalDataSchema, ...errorResponses },
      },
    },
    async (request) =>
      exportPersonalData({
        db,
        actor: actorOf(request),
        grades: context.grades,
        customerId: request.params.id,
        requestId: request.id,
      }),
  );

  app.post(
    "/api/customers/:id/erase",
    {
      config: { access: { roles: ["admin"] } },
      schema: {
        tags: ["privacy"],
        summary:
          "Erase a customer's personal data in place, keeping ids, stages, transactions and aggregates (admins)",
        params: IdParamsSchema,
        body: EraseCustomerSchema,
        response: { 200: ErasureResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      eraseCustomer({
        db,
        actor: actorOf(request),
        customerId: request.params.id,
        version: request.body.version,
        reason: request.body.reason,
        requestId: request.id,
      }),
  );
};
