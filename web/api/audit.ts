/** The audit log (SPEC §11), searchable by administrators. */
import type { AuditEntry, AuditQuery } from "../../src/shared/schemas/audit.js";
import { api, type Query } from "./client.js";
import type { Page } from "./types.js";

export type { AuditEntry };
export type AuditSearch = Partial<Omit<AuditQuery, "limit">> & { limit?: number };

export const auditKeys = {
  all: ["audit"] as const,
  search: (query: AuditSearch) => ["audit", "search", query] as const,
};

export function searchAudit(query: AuditSearch, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>("/api/audit", query as Query, signal);
}
