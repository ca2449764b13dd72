/** Value delivery (SPEC §5): plans in five steps, suggestions, the deliver and evaluate steps. */
import type { z } from "zod";
import type {
  CancelDeliveryInput,
  DeliverInput,
  Delivery,
  DeliveryRoundSchema,
  DeliverySuggestionsSchema,
  EvaluateDeliveryInput,
  ListDeliveriesQuery,
  PlanDeliveryInput,
  UpdateDeliveryInput,
} from "../../src/shared/schemas/deliveries.js";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type {
  CancelDeliveryInput,
  DeliverInput,
  Delivery,
  EvaluateDeliveryInput,
  PlanDeliveryInput,
  UpdateDeliveryInput,
};
export type DeliveryRound = z.infer<typeof DeliveryRoundSchema>;
export type DeliverySuggestions = z.infer<typeof DeliverySuggestionsSchema>;
export type DeliverySuggestion = DeliverySuggestions["items"][number];

export type DeliveriesQuery = Partial<Omit<ListDeliveriesQuery, "limit" | "order">> & {
  limit?: number;
  order?: "asc" | "desc";
};

export const deliveryKeys = {
  all: ["deliveries"] as const,
  list: (query: DeliveriesQuery) => ["deliveries", "list", query] as const,
  suggestions: (customerId: number) => ["deliveries", "suggestions", customerId] as const,
  spiral: (customerId: number) => ["deliveries", "spiral", customerId] as const,
};

export function listDeliveries(
  query: DeliveriesQuery,
  signal?: AbortSignal,
): Promise<Page<Delivery>> {
  return api.get<Page<Delivery>>("/api/deliveries", query as Query, signal);
}

export function getSuggestions(
  customerId: number,
  limit = 10,
  signal?: AbortSignal,
): Promise<DeliverySuggestions> {
  return api.get<DeliverySuggestions>(
    `/api/customers/${customerId}/delivery-suggestions`,
    { limit },
    signal,
  );
}

/** The customer's spiral: rounds of deliveries, newest round first. */
export function getSpiral(customerId: number, signal?: AbortSignal): Promise<Page<DeliveryRound>> {
  return api.get<Page<DeliveryRound>>(
    `/api/customers/${customerId}/deliveries`,
    { order: "desc", limit: 20 },
    signal,
  );
}

export function planDelivery(input: PlanDeliveryInput): Promise<Delivery> {
  return api.post<Delivery>("/api/deliveries", input);
}

export function updateDelivery(id: number, input: UpdateDeliveryInput): Promise<Delivery> {
  return api.patch<Delivery>(`/api/deliveries/${id}`, input);
}

export function deliver(id: number, input: DeliverInput): Promise<Delivery> {
  return api.post<Delivery>(`/api/deliveries/${id}/deliver`, input);
}

export function evaluateDelivery(id: number, input: EvaluateDeliveryInput): Promise<Delivery> {
  return api.post<Delivery>(`/api/deliveries/${id}/evaluate`, input);
}

export function cancelDelivery(id: number, input: CancelDeliveryInput): Promise<Delivery> {
  return api.post<Delivery>(`/api/deliveries/${id}/cancel`, input);
}
