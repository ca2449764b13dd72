/**
 * The analytics scene's queries, one per API answer so each panel loads and fails on its own.
 * They share the dashboard's keys: the dashboard's refresh status refetches them all when a
 * refresh ends, and an answer one scene fetched serves the other.
 */
import { useQuery } from "@tanstack/react-query";
import {
  analyticsKeys,
  getOverview,
  getRetention,
  getRfmSegmentProfiles,
  getSizeTiers,
  type RetentionPeriod,
} from "../api/analytics.js";

export const RETENTION_PERIODS: readonly RetentionPeriod[] = ["month", "quarter", "year"];

/** The retention period the URL asks for (`?retention=month`); quarters by default. */
export function readRetentionPeriod(params: URLSearchParams): RetentionPeriod {
  return RETENTION_PERIODS.find((p) => p === params.get("retention")) ?? "quarter";
}

export function useAnalyticsData(retention: RetentionPeriod) {
  const overview = useQuery({
    queryKey: analyticsKeys.overview,
    queryFn: ({ signal }) => getOverview(signal),
  });
  const sizeTiers = useQuery({
    queryKey: analyticsKeys.sizeTiers,
    queryFn: ({ signal }) => getSizeTiers(signal),
  });
  const rfmSegments = useQuery({
    queryKey: analyticsKeys.rfmSegments,
    queryFn: ({ signal }) => getRfmSegmentProfiles(signal),
  });
  const cohorts = useQuery({
    queryKey: analyticsKeys.retention(retention),
    queryFn: ({ signal }) => getRetention(retention, signal),
  });
  return { overview, sizeTiers, rfmSegments, cohorts };
}
