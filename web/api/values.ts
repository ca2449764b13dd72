/** The company's value catalogue (SPEC §4): items with FABE, and where the offer is thin. */
import type {
  CreateValueItemInput,
  ListValueItemsQuery,
  UpdateValueItemInput,
  ValueCoverageResponse,
  ValueItem,
} from "../../src/shared/schemas/values.js";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type { CreateValueItemInput, UpdateValueItemInput, ValueItem };
export type ValueCoverage = ValueCoverageResponse;

export type ValuesQuery = Partial<Omit<ListValueItemsQuery, "limit" | "active">> & {
  limit?: number;
  active?: "true" | "false" | "all";
};

export const valueKeys = {
  all: ["values"] as const,
  list: (query: ValuesQuery) => ["values", "list", query] as const,
  coverage: (thinBelow: number) => ["values", "coverage", thinBelow] as const,
};

export function listValueItems(query: ValuesQuery, signal?: AbortSignal): Promise<Page<ValueItem>> {
  return api.get<Page<ValueItem>>("/api/values", query as Query, signal);
}

export function getValueCoverage(thinBelow: number, signal?: AbortSignal): Promise<ValueCoverage> {
  return api.get<ValueCoverage>("/api/values/coverage", { thinBelow }, signal);
}

export function createValueItem(input: CreateValueItemInput): Promise<ValueItem> {
  return api.post<ValueItem>("/api/values", input);
}

export function updateValueItem(id: number, input: UpdateValueItemInput): Promise<ValueItem> {
  return api.patch<ValueItem>(`/api/values/${id}`, input);
}
