/** Segments (SPEC §6): saved customer filters counted live, decisions, drill-down by dimension. */
import type { z } from "zod";
import type {
  CreateSegmentInput,
  DrilldownSchema,
  ListSegmentsQuery,
  Segment,
  UpdateSegmentInput,
} from "../../src/shared/schemas/segments.js";
import type { CustomerFilter } from "../../src/shared/schemas/customers.js";
import type { DrilldownDimension } from "../../src/shared/engine/segments.js";
import { api, type Query } from "./client.js";
import type { Customer, Page } from "./types.js";

export type { CreateSegmentInput, CustomerFilter, DrilldownDimension, Segment, UpdateSegmentInput };
export type Drilldown = z.infer<typeof DrilldownSchema>;
export { DRILLDOWN_DIMENSIONS } from "../../src/shared/engine/segments.js";

export type SegmentsQuery = Partial<Omit<ListSegmentsQuery, "limit" | "withCounts">> & {
  limit?: number;
  withCounts?: "true" | "false";
};

export interface DrilldownQuery {
  dimension: DrilldownDimension;
  segmentId?: number;
  filter: CustomerFilter;
  limit?: number;
}

export const segmentKeys = {
  all: ["segments"] as const,
  list: (query: SegmentsQuery) => ["segments", "list", query] as const,
  drilldown: (query: DrilldownQuery) => ["segments", "drilldown", query] as const,
  customers: (id: number) => ["segments", "customers", id] as const,
};

export function listSegments(query: SegmentsQuery, signal?: AbortSignal): Promise<Page<Segment>> {
  return api.get<Page<Segment>>("/api/segments", query as Query, signal);
}

export function drilldown(query: DrilldownQuery, signal?: AbortSignal): Promise<Drilldown> {
  const { filter, ...rest } = query;
  return api.get<Drilldown>("/api/segments/drilldown", { ...filter, ...rest } as Query, signal);
}

export function segmentCustomers(
  id: number,
  limit = 20,
  signal?: AbortSignal,
): Promise<Page<Customer>> {
  return api.get<Page<Customer>>(`/api/segments/${id}/customers`, { limit }, signal);
}

export function createSegment(input: CreateSegmentInput): Promise<Segment> {
  return api.post<Segment>("/api/segments", input);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function updateSegment(id: number, input: UpdateSegmentInput): Promise<Segment> {
  return api.patch<Segment>(`/api/segments/${id}`, input);
}

export function deleteSegment(id: number, version: number): Promise<void> {
  return api.delete<void>(`/api/segments/${id}?version=${version}`);
}

/** A filter with its empty entries dropped, as a segment definition is saved. */
export function cleanFilter(filter: Record<string, unknown>): CustomerFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as CustomerFilter;
}
