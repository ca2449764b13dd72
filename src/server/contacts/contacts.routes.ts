import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  ContactPageSchema,
  ContactParamsSchema,
  ContactSchema,
  CreateContactSchema,
  ListContactsQuerySchema,
  UpdateContactSchema,
} from "../../shared/schemas/contacts.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { errorResponses } from "../customers/customers.routes.js";
import { decodeCursor, encodeCursor } from "../http/cursor.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { Actor } from "../auth/actor.js";
import { findContact, listContacts, type ContactRow } from "./contacts.repository.js";
import { presentContact } from "./contacts.presenter.js";
import { createContact, deleteContact, updateContact } from "./changeContact.js";

export const contactsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  /** Presents contacts and audits the read once when any confidential field was shown. */
  async function present(actor: Actor, customerId: number, rows: ContactRow[], requestId: string) {
    const presented = rows.map((row) => presentContact(row, actor, context.grades));
    if (presented.some((p) => p.confidentialShown)) {
      await recordAudit(db, {
        actor,
        action: "read_confidential",
        entity: "contact",
        entityId: rows.length === 1 ? rows[0]!.id : null,
        customerId,
        requestId,
      });
    }
    return presented.map((p) => p.contact);
  }

  app.get(
    "/api/customers/:id/contacts",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["contacts"],
        summary: "A customer's contacts and key people",
        params: IdParamsSchema,
        querystring: ListContactsQuerySchema,
        response: { 200: ContactPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const after = request.query.cursor ? decodeCursor(request.query.cursor).id : undefined;
      const page = await listContacts(db, request.params.id, request.query.limit, after);
      const last = page.items.at(-1);
      return {
        items: await present(actor, request.params.id, page.items, request.id),
        nextCursor: page.more && last ? encodeCursor({ value: last.id, id: last.id }) : null,
      };
    },
  );

  app.get(
    "/api/customers/:id/contacts/:contactId",
    {
      config: { access: "customer:read" },
      schema: {
        tags: ["contacts"],
        summary: "One contact",
        params: ContactParamsSchema,
        response: { 200: ContactSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findContact(db, request.params.id, request.params.contactId);
      if (!row) throw NotFound("Contact", request.params.contactId);
      return (await present(actor, request.params.id, [row], request.id))[0]!;
    },
  );

  app.post(
    "/api/customers/:id/contacts",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["contacts"],
        summary: "Add a contact",
        params: IdParamsSchema,
        body: CreateContactSchema,
        response: { 201: ContactSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await createContact({
        db,
        actor,
        customerId: request.params.id,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(presentContact(row, actor, context.grades).contact);
    },
  );

  app.patch(
    "/api/customers/:id/contacts/:contactId",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["contacts"],
        summary: "Change a contact (send the version you read)",
        params: ContactParamsSchema,
        body: UpdateContactSchema,
        response: { 200: ContactSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await updateContact({
        db,
        actor,
        customerId: request.params.id,
        id: request.params.contactId,
        input: request.body,
        requestId: request.id,
      });
      return presentContact(row, actor, context.grades).contact;
    },
  );

  app.delete(
    "/api/customers/:id/contacts/:contactId",
    {
      config: { access: "customer:write" },
      schema: {
        tags: ["contacts"],
        summary: "Remove a contact",
        params: ContactParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await deleteContact({
        db,
        actor,
        customerId: request.params.id,
        id: request.params.contactId,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
