/** Complaints over HTTP (SPEC §10): listen → record and judge → propose → follow up, each with an SLA. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  AdvanceComplaintSchema,
  ComplaintPageSchema,
  ComplaintSchema,
  CreateComplaintSchema,
  ListComplaintsQuerySchema,
  UpdateComplaintSchema,
} from "../../shared/schemas/complaints.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import { findComplaint, listComplaints } from "./complaints.repository.js";
import { presentComplaint } from "./complaints.presenter.js";
import { receiveComplaint } from "./receiveComplaint.js";
import { updateComplaint } from "./updateComplaint.js";
import { advanceComplaintStep } from "./advanceComplaintStep.js";

export const complaintsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  const tags = ["complaints"];
  const present = (row: Parameters<typeof presentComplaint>[0]) => presentComplaint(row);

  app.get(
    "/api/complaints",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary:
          "List complaints by customer, step, cause and satisfaction; overdue=true for those past their step's SLA",
        querystring: ListComplaintsQuerySchema,
        response: { 200: ComplaintPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listComplaints(db, actorOf(request), request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/complaints/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One complaint, with its next steps and whether it is overdue",
        params: IdParamsSchema,
        response: { 200: ComplaintSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findComplaint(db, actorOf(request), request.params.id);
      if (!row) throw NotFound("Complaint", request.params.id);
      return present(row);
    },
  );

  app.post(
    "/api/complaints",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Take in a complaint: it starts at the listen step",
        body: CreateComplaintSchema,
        response: { 201: ComplaintSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await receiveComplaint({
        db,
        actor: actorOf(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(present(row));
    },
  );

  app.patch(
    "/api/complaints/:id",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary: "Correct a complaint's title, description or cause (send the version you read)",
        params: IdParamsSchema,
        body: UpdateComplaintSchema,
        response: { 200: ComplaintSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await updateComplaint({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );

  app.post(
    "/api/complaints/:id/advance",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary:
          "Move a complaint to its next step with that step's fields (409 invalid_transition for an illegal move)",
        params: IdParamsSchema,
        body: AdvanceComplaintSchema,
        response: { 200: ComplaintSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await advanceComplaintStep({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
          requestId: request.id,
        }),
      ),
  );
};
