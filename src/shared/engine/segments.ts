/**
 * Top-down segmentation (SPEC §6): split the market by one dimension, pick a group, split it by
 * the next, until each customer's own needs are in view. These helpers keep the filter algebra
 * and the bucket shaping pure; the server counts.
 */
import type { CustomerFilter } from "../schemas/customers.js";

/** The segmentation dimensions a drill-down can split by (SPEC §1, §6). */
export const DRILLDOWN_DIMENSIONS = [
  "industry",
  "region",
  "scale",
  "positioning",
  "managementModel",
  "marketingModel",
  "orgStructure",
  "stage",
  "kind",
  "purpose",
] as const;
export type DrilldownDimension = (typeof DRILLDOWN_DIMENSIONS)[number];

/** The filter one level down: the given filter, narrowed to one value of a dimension. */
export function drillInto(
  filter: CustomerFilter,
  dimension: DrilldownDimension,
  value: string,
): CustomerFilter {
  return { ...filter, [dimension]: [value] };
}

/** Dimensions the filter has not yet pinned to a single value: where the drill-down can go next. */
export function openDimensions(filter: CustomerFilter): DrilldownDimension[] {
  return DRILLDOWN_DIMENSIONS.filter((d) => (filter[d]?.length ?? 0) !== 1);
}

export interface DrilldownBucket {
  /** The dimension's value; null for customers where it is not recorded. */
  value: string | null;
  count: number;
  /** Share of the filtered customers, 0–1. */
  share: number;
}

/**
 * The biggest `limit` groups, largest first (ties by value, unknown last), with the share of
 * each; the customers of the groups left off are summed in `otherCount`.
 */
export function shapeBuckets(
  groups: readonly { value: string | null; count: number }[],
  limit: number,
): { total: number; buckets: DrilldownBucket[]; otherCount: number } {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const sorted = [...groups].sort(
    (a, b) =>
      b.count - a.count ||
      (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
      (a.value ?? "").localeCompare(b.value ?? ""),
  );
  const shown = sorted.slice(0, limit);
  const buckets = shown.map((g) => ({
    value: g.value,
    count: g.count,
    share: total ? g.count / total : 0,
  }));
  const otherCount = sorted.slice(limit).reduce((sum, g) => sum + g.count, 0);
  return { total, buckets, otherCount };
}
