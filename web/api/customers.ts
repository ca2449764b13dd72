import { api, type Query } from "./client.js";
import type { Customer, CustomerListQuery, CustomerPatch, Page } from "./types.js";

export const customerKeys = {
  all: ["customers"] as const,
  list: (query: CustomerListQuery) => ["customers", "list", query] as const,
  detail: (id: number) => ["customers", "detail", id] as const,
};

export function listCustomers(
  query: CustomerListQuery,
  signal?: AbortSignal,
): Promise<Page<Customer>> {
  return api.get<Page<Customer>>("/api/customers", query as Query, signal);
}

export function getCustomer(id: number, signal?: AbortSignal): Promise<Customer> {
  return api.get<Customer>(`/api/customers/${id}`, undefined, signal);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function patchCustomer(id: number, patch: CustomerPatch): Promise<Customer> {
  return api.patch<Customer>(`/api/customers/${id}`, patch);
}
