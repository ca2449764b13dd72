/** Market research notes (SPEC §3, §6): findings and means-end chains, classified and counted. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreateResearchNoteInput,
  ListResearchNotesQuery,
  ResearchNote,
  ResearchSummary,
  ResearchSummaryQuery,
} from "../../src/shared/schemas/research.js";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type { CreateResearchNoteInput, ResearchNote, ResearchSummary };

/** As RESEARCH_METHODS and RESEARCH_INFO_TYPE_EXAMPLES in the research schema (not imported at run time: it would bundle zod). */
export const RESEARCH_METHODS = [
  "interview",
  "observation",
  "questionnaire",
  "complaint",
  "club",
  "purchase",
  "means_end",
  "desk_research",
] as const;
export const INFO_TYPE_EXAMPLES = [
  "need",
  "profile",
  "behaviour",
  "satisfaction",
  "competitor",
  "market",
  "price",
] as const;

export type ResearchQuery = Partial<Omit<ListResearchNotesQuery, "limit" | "order">> & {
  limit?: number;
  order?: "asc" | "desc";
};
export type SummaryQuery = Partial<Omit<ResearchSummaryQuery, "limit">> & { limit?: number };

export const researchKeys = {
  all: ["research"] as const,
  list: (query: ResearchQuery) => ["research", "list", query] as const,
  summary: (query: SummaryQuery) => ["research", "summary", query] as const,
};

export function listResearchNotes(
  query: ResearchQuery,
  signal?: AbortSignal,
): Promise<Page<ResearchNote>> {
  return api.get<Page<ResearchNote>>("/api/research-notes", query as Query, signal);
}

export function researchSummary(
  query: SummaryQuery,
  signal?: AbortSignal,
): Promise<ResearchSummary> {
  return api.get<ResearchSummary>("/api/research-notes/summary", query as Query, signal);
}

export function createResearchNote(input: CreateResearchNoteInput): Promise<ResearchNote> {
  return api.post<ResearchNote>("/api/research-notes", input);
}

/** Records a note and refreshes the research lists and counts. */
export function useRecordResearchNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createResearchNote,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: researchKeys.all }),
  });
}
