/** Proposals over HTTP: list, read, accept, reject, and run the engine. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { IdParamsSchema } from "../../shared/schemas/common.js";
import {
  AcceptProposalSchema,
  ListProposalsQuerySchema,
  ProposalPageSchema,
  ProposalRunSchema,
  ProposalSchema,
  RejectProposalSchema,
  RunProposalsSchema,
} from "../../shared/schemas/ladder.js";
import { actorOf } from "../http/auth.plugin.js";
import { NotFound } from "../http/errors.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { errorResponses } from "../customers/customers.routes.js";
import type { Actor } from "../auth/actor.js";
import { findProposal, listProposals } from "./proposals.repository.js";
import { presentProposal } from "./proposals.presenter.js";
import { acceptProposal, rejectProposal } from "./decideOnProposal.js";
import { runProposalEngine } from "./runProposalEngine.js";

export const proposalsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  async function readProposal(actor: Actor, id: number) {
    const row = await findProposal(db, actor, id);
    if (!row) throw NotFound("Proposal", id);
    return presentProposal(row, actor, context.grades);
  }

  app.get(
    "/api/proposals",
    {
      config: { access: "user" },
      schema: {
        tags: ["proposals"],
        summary:
          "Stage-change proposals (newest first) with filters on status, owner, rule and stage",
        querystring: ListProposalsQuerySchema,
        response: { 200: ProposalPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = await listProposals(db, actor, request.query);
      return {
        items: page.items.map((row) => presentProposal(row, actor, context.grades)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    "/api/proposals/:id",
    {
      config: { access: "user" },
      schema: {
        tags: ["proposals"],
        summary: "One proposal with its evidence",
        params: IdParamsSchema,
        response: { 200: ProposalSchema, ...errorResponses },
      },
    },
    async (request) => readProposal(actorOf(request), request.params.id),
  );

  app.post(
    "/api/proposals/:id/accept",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags: ["proposals"],
        summary:
          "Accept a proposal: the customer moves, with the proposal's evidence as the reason",
        params: IdParamsSchema,
        body: AcceptProposalSchema,
        response: { 200: ProposalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await acceptProposal({
        db,
        actor,
        proposalId: request.params.id,
        note: request.body.note,
        requestId: request.id,
      });
      return readProposal(actor, request.params.id);
    },
  );

  app.post(
    "/api/proposals/:id/reject",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags: ["proposals"],
        summary: "Reject a proposal, saying why",
        params: IdParamsSchema,
        body: RejectProposalSchema,
        response: { 200: ProposalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await rejectProposal({
        db,
        actor,
        proposalId: request.params.id,
        note: request.body.note,
        requestId: request.id,
      });
      return readProposal(actor, request.params.id);
    },
  );

  app.post(
    "/api/proposals/run",
    {
      config: { access: { roles: ["admin", "marketing_manager"] } },
      schema: {
        tags: ["proposals"],
        summary:
          "Run the proposal engine over every customer now (it proposes; it never moves anyone)",
        body: RunProposalsSchema,
        response: { 200: ProposalRunSchema, ...errorResponses },
      },
    },
    async (request) =>
      runProposalEngine({
        db,
        asOf: request.body.asOf ? new Date(request.body.asOf) : new Date(),
        concurrency: context.database.kind === "postgres" ? 2 : 1,
        actor: actorOf(request),
        requestId: request.id,
      }),
  );
};
