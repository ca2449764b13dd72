/** Customer needs (SPEC §3): list, record and change them; customers with unmet core needs. */
import type {
  CreateNeedInput,
  ListNeedsQuery,
  Need,
  UnmetCoreCustomerSchema,
  UnmetCoreQuery,
  UpdateNeedInput,
} from "../../src/shared/schemas/needs.js";
import type { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type { CreateNeedInput, Need, UpdateNeedInput };
export type UnmetCoreCustomer = z.infer<typeof UnmetCoreCustomerSchema>;

/** Query of GET /api/needs as the client sends it (paging and order have server defaults). */
export type NeedsQuery = Partial<Omit<ListNeedsQuery, "limit" | "order">> & {
  limit?: number;
  order?: "asc" | "desc";
};
export type UnmetCoreNeedsQuery = Partial<Omit<UnmetCoreQuery, "limit">> & { limit?: number };

export const needKeys = {
  all: ["needs"] as const,
  list: (query: NeedsQuery) => ["needs", "list", query] as const,
  unmetCore: (query: UnmetCoreNeedsQuery) => ["needs", "unmet-core", query] as const,
};

export function listNeeds(query: NeedsQuery, signal?: AbortSignal): Promise<Page<Need>> {
  return api.get<Page<Need>>("/api/needs", query as Query, signal);
}

export function listUnmetCore(
  query: UnmetCoreNeedsQuery,
  signal?: AbortSignal,
): Promise<Page<UnmetCoreCustomer>> {
  return api.get<Page<UnmetCoreCustomer>>("/api/needs/unmet-core", query as Query, signal);
}

export function createNeed(input: CreateNeedInput): Promise<Need> {
  return api.post<Need>("/api/needs", input);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function updateNeed(id: number, input: UpdateNeedInput): Promise<Need> {
  return api.patch<Need>(`/api/needs/${id}`, input);
}

/**
 * Records a need and refreshes every needs list. For `RecordNeedDialog`'s `onSubmit`:
 * `const record = useRecordNeed(); <RecordNeedDialog onSubmit={record.mutateAsync} … />`.
 */
export function useRecordNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useUpdateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateNeedInput }) => updateNeed(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.all }),
  });
}
