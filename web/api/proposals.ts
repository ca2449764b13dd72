/** Stage-change proposals: the engine suggests, a person accepts or rejects with a note. */
import type { Stage } from "../../src/shared/enums.js";
import type { ProposalRule } from "../../src/shared/ladder/proposalRules.js";
import type { Proposal, ProposalRun } from "../../src/shared/schemas/ladder.js";
import { api } from "./client.js";
import type { Page } from "./types.js";

export type { Proposal, ProposalRun };
export type ProposalStatus = Proposal["status"];

export interface ProposalQuery {
  status?: ProposalStatus[];
  ownerId?: number[];
  rule?: ProposalRule[];
  stage?: Stage[];
  customerId?: number;
  limit?: number;
  cursor?: string;
}

export const proposalKeys = {
  all: ["proposals"] as const,
  list: (query: ProposalQuery) => ["proposals", "list", query] as const,
};

export const listProposals = (query: ProposalQuery, signal?: AbortSignal) =>
  api.get<Page<Proposal>>("/api/proposals", { ...query }, signal);

/** The customer moves, with the proposal's evidence (and the note) as the reason. */
export const acceptProposal = (id: number, note?: string) =>
  api.post<Proposal>(`/api/proposals/${id}/accept`, note ? { note } : {});

/** The note is required: it says why the rule was wrong. */
export const rejectProposal = (id: number, note: string) =>
  api.post<Proposal>(`/api/proposals/${id}/reject`, { note });

/** Runs the engine over every customer now; it proposes, it never moves anyone. */
export const runProposals = () => api.post<ProposalRun>("/api/proposals/run", {});
