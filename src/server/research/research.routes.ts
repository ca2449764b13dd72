/** Research notes over HTTP (SPEC §6): findings tied to customers, segments and needs, counted by type. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  CreateResearchNoteSchema,
  ListResearchNotesQuerySchema,
  ResearchNotePageSchema,
  ResearchNoteSchema,
  ResearchSummaryQuerySchema,
  ResearchSummarySchema,
  UpdateResearchNoteSchema,
  type ResearchNote,
} from "../../shared/schemas/research.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { isoDates } from "../http/crud/present.js";
import { errorResponses } from "../customers/customers.routes.js";
import {
  findResearchNote,
  listResearchNotes,
  summariseResearch,
  type ResearchNoteRow,
} from "./research.repository.js";
import { createResearchNote } from "./createResearchNote.js";
import { updateResearchNote } from "./updateResearchNote.js";

const present = (row: ResearchNoteRow) => isoDates(row) as ResearchNote;

export const researchRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["research"];

  app.get(
    "/api/research-notes",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "List research notes by customer, segment, need, method, channel, information type and time",
        querystring: ListResearchNotesQuerySchema,
        response: { 200: ResearchNotePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listResearchNotes(db, actorOf(request), request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/research-notes/summary",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Research findings counted by information type, method and customer",
        querystring: ResearchSummaryQuerySchema,
        response: { 200: ResearchSummarySchema, ...errorResponses },
      },
    },
    async (request) => summariseResearch(db, actorOf(request), request.query),
  );

  app.get(
    "/api/research-notes/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One research note with its why-chain",
        params: IdParamsSchema,
        response: { 200: ResearchNoteSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findResearchNote(db, actorOf(request), request.params.id);
      if (!row) throw NotFound("Research note", request.params.id);
      return present(row);
    },
  );

  app.post(
    "/api/research-notes",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Record a research finding, optionally with its means-end why-chain",
        body: CreateResearchNoteSchema,
        response: { 201: ResearchNoteSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createResearchNote({
        db,
        actor: actorOf(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(present(row));
    },
  );

  app.patch(
    "/api/research-notes/:id",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Change a research note (send the version you read)",
        params: IdParamsSchema,
        body: UpdateResearchNoteSchema,
        response: { 200: ResearchNoteSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await updateResearchNote({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );
};
