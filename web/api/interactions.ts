/** Interactions and interaction plans (SPEC §10): goals with deadlines, what is due, records. */
import type { z } from "zod";
import type {
  CreatePlanInput,
  DuePlanSchema,
  DuePlansQuery,
  Interaction,
  InteractionPlan,
  ListInteractionsQuery,
  ListPlansQuery,
  RecordInteractionInput,
  UpdatePlanInput,
} from "../../src/shared/schemas/interactions.js";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type {
  CreatePlanInput,
  Interaction,
  InteractionPlan,
  RecordInteractionInput,
  UpdatePlanInput,
};
export type DuePlan = z.infer<typeof DuePlanSchema>;

type Paged<Q> = Partial<Omit<Q, "limit" | "order">> & { limit?: number; order?: "asc" | "desc" };
export type InteractionsQuery = Paged<ListInteractionsQuery>;
export type PlansQuery = Paged<ListPlansQuery>;
export type DueQuery = Partial<Omit<DuePlansQuery, "limit" | "days">> & {
  limit?: number;
  days?: number;
};

export const interactionKeys = {
  all: ["interactions"] as const,
  list: (query: InteractionsQuery) => ["interactions", "list", query] as const,
  plans: (query: PlansQuery) => ["interactions", "plans", query] as const,
  due: (query: DueQuery) => ["interactions", "due", query] as const,
};

export function listInteractions(
  query: InteractionsQuery,
  signal?: AbortSignal,
): Promise<Page<Interaction>> {
  return api.get<Page<Interaction>>("/api/interactions", query as Query, signal);
}

export function recordInteraction(input: RecordInteractionInput): Promise<Interaction> {
  return api.post<Interaction>("/api/interactions", input);
}

export function listPlans(query: PlansQuery, signal?: AbortSignal): Promise<Page<InteractionPlan>> {
  return api.get<Page<InteractionPlan>>("/api/interaction-plans", query as Query, signal);
}

export function listDuePlans(query: DueQuery, signal?: AbortSignal): Promise<Page<DuePlan>> {
  return api.get<Page<DuePlan>>("/api/interaction-plans/due", query as Query, signal);
}

export function createPlan(input: CreatePlanInput): Promise<InteractionPlan> {
  return api.post<InteractionPlan>("/api/interaction-plans", input);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function updatePlan(id: number, input: UpdatePlanInput): Promise<InteractionPlan> {
  return api.patch<InteractionPlan>(`/api/interaction-plans/${id}`, input);
}
