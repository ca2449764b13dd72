/** Complaints (SPEC §10): listen → record and judge → propose → follow up, each with an SLA. */
import type {
  AdvanceComplaintInput,
  Complaint,
  CreateComplaintInput,
  ListComplaintsQuery,
  UpdateComplaintInput,
} from "../../src/shared/schemas/complaints.js";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type { AdvanceComplaintInput, Complaint, CreateComplaintInput, UpdateComplaintInput };

export type ComplaintsQuery = Partial<Omit<ListComplaintsQuery, "limit" | "order">> & {
  limit?: number;
  order?: "asc" | "desc";
};

export const complaintKeys = {
  all: ["complaints"] as const,
  list: (query: ComplaintsQuery) => ["complaints", "list", query] as const,
};

export function listComplaints(
  query: ComplaintsQuery,
  signal?: AbortSignal,
): Promise<Page<Complaint>> {
  return api.get<Page<Complaint>>("/api/complaints", query as Query, signal);
}

export function receiveComplaint(input: CreateComplaintInput): Promise<Complaint> {
  return api.post<Complaint>("/api/complaints", input);
}

export function updateComplaint(id: number, input: UpdateComplaintInput): Promise<Complaint> {
  return api.patch<Complaint>(`/api/complaints/${id}`, input);
}

/** 409 `invalid_transition` for an illegal move; 400 naming the field a step lacks. */
export function advanceComplaint(id: number, input: AdvanceComplaintInput): Promise<Complaint> {
  return api.post<Complaint>(`/api/complaints/${id}/advance`, input);
}
