/** Summaries of cohort retention (GET /api/analytics/retention): churn is its complement. */
import type { Retention, RetentionPeriod } from "../../api/analytics.js";

const MONTHS: Record<RetentionPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** Whole periods from one cohort label ("2024-04", the period's first month) to another. */
function periodsBetween(from: string, to: string, period: RetentionPeriod): number {
  const months = (label: string) => {
    const [year, month] = label.split("-").map(Number);
    return (year ?? 0) * 12 + (month ?? 1) - 1;
  };
  return Math.floor((months(to) - months(from)) / MONTHS[period]);
}

/**
 * Retention k periods after acquisition, pooled over the cohorts old enough to be measured
 * there and weighted by their size; null when none is. A cohort d periods older than the newest
 * one is measured up to period d − 1: period d is still running, and would read as churn.
 */
export function pooledRetention(retention: Retention, k: number): number | null {
  const { cohorts } = retention;
  const newest = cohorts.at(-1)?.cohort;
  if (!newest) return null;
  const period = retention.period as RetentionPeriod;
  let size = 0;
  let retained = 0;
  for (const cohort of cohorts) {
    if (k > 0 && periodsBetween(cohort.cohort, newest, period) <= k) continue;
    size += cohort.size;
    retained += cohort.retained[k] ?? 0;
  }
  return size > 0 ? retained / size : null;
}

/** The pooled curve, period by period, as long as some cohort reaches it. */
export function pooledCurve(retention: Retention): number[] {
  const curve: number[] = [];
  for (let k = 0; ; k++) {
    const value = pooledRetention(retention, k);
    if (value === null) return curve;
    curve.push(value);
  }
}
