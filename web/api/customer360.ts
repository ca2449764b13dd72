/**
 * The customer 360 view in one request, plus what its tabs page through or act on:
 * transactions and the purchase summary, recording a need, planning a suggested delivery.
 */
import type { z } from "zod";
import type { Customer360Schema, NextActionSchema } from "../../src/shared/schemas/ladder.js";
import type { PurchaseSummarySchema, Transaction } from "../../src/shared/schemas/transactions.js";
import type { NeedKind, NeedLevel, NeedStatus } from "../../src/shared/enums.js";
import { api } from "./client.js";
import type { Page } from "./types.js";

export type Customer360 = z.infer<typeof Customer360Schema>;
export type NextAction = z.infer<typeof NextActionSchema>;
export type NeedSummary = Customer360["needs"][number];
export type DeliveryRound = Customer360["deliveryRounds"][number];
export type DeliverySummary = DeliveryRound["deliveries"][number];
export type InteractionSummary = Customer360["interactions"][number];
export type ComplaintSummary = Customer360["complaints"][number];
export type BondSummary = Customer360["bonds"][number];
export type ScoresSummary = NonNullable<Customer360["scores"]>;
export type Contact = Customer360["contacts"][number];
export type PurchaseSummary = z.infer<typeof PurchaseSummarySchema>;
export type { Transaction };

export const customer360Keys = {
  all: ["customer360"] as const,
  view: (id: number) => ["customer360", id] as const,
  transactions: (id: number) => ["customer360", id, "transactions"] as const,
  purchaseSummary: (id: number) => ["customer360", id, "purchase-summary"] as const,
};

export const getCustomer360 = (id: number, signal?: AbortSignal) =>
  api.get<Customer360>(`/api/customers/${id}/360`, undefined, signal);

/** Newest first, keyset paged. */
export const listTransactions = (
  id: number,
  query: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) => api.get<Page<Transaction>>(`/api/customers/${id}/transactions`, { ...query }, signal);

/** Null when the customer has not bought yet. */
export const getPurchaseSummary = (id: number, signal?: AbortSignal) =>
  api.get<PurchaseSummary | null>(`/api/customers/${id}/purchase-summary`, undefined, signal);

export interface NewNeed {
  level: NeedLevel;
  kind: NeedKind;
  title: string;
  source?: "research" | "interaction" | "complaint";
  evidence?: string;
}

export const recordNeed = (customerId: number, need: NewNeed) =>
  api.post<{ id: number }>("/api/needs", { customerId, ...need });

/** Moves a need along (open → being met → met, or deferred / declined), version-checked. */
export async function changeNeedStatus(id: number, status: NeedStatus): Promise<void> {
  const need = await api.get<{ version: number }>(`/api/needs/${id}`);
  await api.patch(`/api/needs/${id}`, { version: need.version, status });
}

/** Plans a catalogue item for the customer in a new round of its spiral. */
export const planDelivery = (customerId: number, valueItemId: number) =>
  api.post<{ id: number; round: number }>("/api/deliveries", { customerId, valueItemId });
