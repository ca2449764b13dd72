/**
 * Customer-value analytics (SPEC §7, §8): the refresh and its progress, and the aggregates the
 * dashboard draws. Types come from the server's zod schemas (type imports only).
 */
import type { z } from "zod";
import type {
  ClvScatterSchema,
  OverviewSchema,
  ParetoSchema,
  RefreshStatusSchema,
  RetentionSchema,
  RfmSegmentProfilesSchema,
  SizeTiersSchema,
} from "../../src/shared/schemas/analytics.js";
import { api } from "./client.js";

export type AnalyticsOverview = z.infer<typeof OverviewSchema>;
export type RefreshStatus = z.infer<typeof RefreshStatusSchema>;
export type ParetoCurve = z.infer<typeof ParetoSchema>;
export type ClvScatter = z.infer<typeof ClvScatterSchema>;
export type ClvPoint = ClvScatter["points"][number];
export type Retention = z.infer<typeof RetentionSchema>;
export type RetentionPeriod = "month" | "quarter" | "year";
export type SizeTiers = z.infer<typeof SizeTiersSchema>;
export type RfmSegmentProfile = z.infer<typeof RfmSegmentProfilesSchema>["segments"][number];

/** The names the analytics use (see src/analytics): the API sends them as plain strings. */
export const ABC_CLASSES = ["A", "B", "C"] as const;
export const CLV_QUADRANTS = ["mvc", "mgc", "maintain", "abandon"] as const;
export type ClvQuadrant = (typeof CLV_QUADRANTS)[number];
export const LIFECYCLE_PHASES = [
  "acquisition",
  "growth",
  "maturity",
  "decline",
  "termination",
] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];
/** RFM segments from best to worst (src/analytics/rfm.ts). */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const analyticsKeys = {
  all: ["analytics"] as const,
  status: ["analytics", "status"] as const,
  overview: ["analytics", "overview"] as const,
  pareto: ["analytics", "pareto"] as const,
  clvScatter: (limit: number) => ["analytics", "clv-scatter", limit] as const,
  retention: (period: RetentionPeriod) => ["analytics", "retention", period] as const,
  sizeTiers: ["analytics", "size-tiers"] as const,
  rfmSegments: ["analytics", "rfm-segments"] as const,
};

export const getRefreshStatus = (signal?: AbortSignal) =>
  api.get<RefreshStatus>("/api/analytics/status", undefined, signal);

/** Starts a refresh in the background (202); follow it with getRefreshStatus. */
export const startRefresh = () => api.post<{ started: true }>("/api/analytics/refresh", {});

export const getOverview = (signal?: AbortSignal) =>
  api.get<AnalyticsOverview>("/api/analytics/overview", undefined, signal);

export const getPareto = (signal?: AbortSignal) =>
  api.get<ParetoCurve>("/api/analytics/pareto", undefined, signal);

export const getClvScatter = (limit: number, signal?: AbortSignal) =>
  api.get<ClvScatter>("/api/analytics/clv-scatter", { limit }, signal);

export const getRetention = (period: RetentionPeriod, signal?: AbortSignal) =>
  api.get<Retention>("/api/analytics/retention", { period }, signal);

export const getSizeTiers = (signal?: AbortSignal) =>
  api.get<SizeTiers>("/api/analytics/size-tiers", undefined, signal);

export const getRfmSegmentProfiles = (signal?: AbortSignal) =>
  api.get<{ segments: RfmSegmentProfile[] }>("/api/analytics/rfm-segments", undefined, signal);
