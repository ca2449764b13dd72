/** The customer information base over HTTP: thin handlers around the customer services. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  ArchiveCustomerSchema,
  CreateCustomerSchema,
  CustomerPageSchema,
  CustomerSchema,
  ListCustomersQuerySchema,
  UpdateCustomerSchema,
} from "../../shared/schemas/customers.js";
import { ErrorResponseSchema, IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { findCustomer, listCustomers } from "./customers.repository.js";
import { presentCustomer, presentCustomerListItem } from "./customers.presenter.js";
import { createCustomer } from "./createCustomer.js";
import { setCustomerArchived, updateCustomer } from "./updateCustomer.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { Actor } from "../auth/actor.js";

export const errorResponses = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};

export const customersRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  /** Reads one customer for the actor, auditing the read when confidential fields are shown. */
  async function readCustomer(actor: Actor, id: number, requestId: string) {
    const row = await findCustomer(db, actor, id);
    if (!row) throw NotFound("Customer", id);
    const { customer, confidentialShown } = presentCustomer(row, actor, context.grades);
    if (confidentialShown) {
      await recordAudit(db, {
        actor,
        action: "read_confidential",
        entity: "customer",
        entityId: id,
        customerId: id,
        requestId,
      });
    }
    return customer;
  }

  app.get(
    "/api/customers",
    {
      config: { access: "user" },
      schema: {
        tags: ["customers"],
        summary:
          "List customers with filters on every segmentation attribute, keyset paging and search",
        querystring: ListCustomersQuerySchema,
        response: { 200: CustomerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = await listCustomers(db, actor, request.query);
      return {
        items: page.items.map((row) => presentCustomerListItem(row, actor, context.grades)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    "/api/customers",
    {
      config: { access: "user" },
      schema: {
        tags: ["customers"],
        summary: "Register a customer",
        body: CreateCustomerSchema,
        response: { 201: CustomerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createCustomer({ db, actor, input: request.body, requestId: request.id });
      return reply.status(201).send(await readCustomer(actor, id, request.id));
    },
  );

  app.get(
    "/api/customers/:id",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["customers"],
        summary: "One customer, with the fields your grade allows",
        params: IdParamsSchema,
        response: { 200: CustomerSchema, ...errorResponses },
      },
    },
    async (request) => {
      return readCustomer(actorOf(request), request.params.id, request.id);
    },
  );

  app.patch(
    "/api/customers/:id",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["customers"],
        summary:
          "Change a customer; send the version you read (409 stale_write if someone saved first)",
        params: IdParamsSchema,
        body: UpdateCustomerSchema,
        response: { 200: CustomerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateCustomer({
        db,
        actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return readCustomer(actor, request.params.id, request.id);
    },
  );

  for (const [action, archived] of [
    ["archive", true],
    ["restore", false],
  ] as const) {
    app.post(
      `/api/customers/:id/${action}`,
      {
        config: { access: "customer:write" },
        schema: {
          tags: ["customers"],
          summary: archived
            ? "Archive a customer (kept, but out of lists and analytics)"
            : "Restore an archived customer",
          params: IdParamsSchema,
          body: ArchiveCustomerSchema,
          response: { 200: CustomerSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await setCustomerArchived({
          db,
          actor,
          id: request.params.id,
          version: request.body.version,
          archived,
          requestId: request.id,
        });
        return readCustomer(actor, request.params.id, request.id);
      },
    );
  }
};
