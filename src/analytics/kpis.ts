/**
 * The measures of SPEC §12 as small pure functions: retention and churn by cohort and by
 * period, stage distribution and flows, upgrade velocity against the typical times, problem
 * share against 3 %; share of wallet and profit by size tier are in `valueKpis.ts` and
 * re-exported here. Dates are UTC day numbers.
 */
import { STAGES, type Stage } from "../shared/enums.js";
import { problemShare, type ShareLine } from "../shared/ladder/problemShare.js";
import { nextStageUp, TYPICAL_DWELL, type Dwell } from "../shared/ladder/stages.js";
import { addMonths, monthsBetween } from "../shared/ladder/time.js";
import { formatDay, type Day } from "./units.js";

const MS_PER_DAY = 86_400_000;
const toDate = (day: Day) => new Date(day * MS_PER_DAY);

// ---------------------------------------------------------------------------------------------
// Calendar periods

export type PeriodKind = "month" | "quarter" | "year";
const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The ordinal of the calendar period containing `day` (months since year 0, ÷ period length). */
export function periodIndex(day: Day, kind: PeriodKind): number {
  const date = toDate(day);
  return Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth()) / MONTHS_PER[kind]);
}

/** The first day of period `index`. */
export function periodStart(index: number, kind: PeriodKind): Day {
  const month = index * MONTHS_PER[kind];
  return Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY) as Day;
}

/** "2024-03", "2024-Q1" or "2024". */
export function periodLabel(index: number, kind: PeriodKind): string {
  const start = formatDay(periodStart(index, kind));
  if (kind === "month") return start.slice(0, 7);
  if (kind === "year") return start.slice(0, 4);
  return `${start.slice(0, 4)}-Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Retention and churn

/** A customer's first and last purchase (or activity). */
export interface CustomerSpan {
  readonly customerId: string;
  readonly firstDay: Day;
  readonly lastDay: Day;
}

/** One acquisition cohort's survival, period by period. */
export interface CohortRetention {
  readonly cohort: string;
  readonly size: number;
  /** retained[k]: customers still active in period k after acquisition (k = 0 is everyone). */
  readonly retained: number[];
  readonly retention: number[];
  /** churn[k] = 1 − retained[k]/retained[k−1]; null for k = 0 or when nobody was left. */
  readonly churn: (number | null)[];
}

/**
 * Retention by acquisition cohort (the period of the first purchase). A customer counts as
 * retained in the k-th period after acquisition when the last purchase is on or after that
 * period's start, i.e. the customer had not yet left. Periods run up to the one containing
 * `asOf` (the last one may be partial).
 */
export function cohortRetention(
  spans: readonly CustomerSpan[],
  { asOf, period }: { asOf: Day; period: PeriodKind },
): CohortRetention[] {
  const cohorts = new Map<number, Day[]>();
  for (const s of spans) {
    if (s.firstDay > asOf) continue;
    const index = periodIndex(s.firstDay, period);
    let lasts = cohorts.get(index);
    if (!lasts) cohorts.set(index, (lasts = []));
    lasts.push(s.lastDay);
  }
  const end = periodIndex(asOf, period);
  return [...cohorts.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const lasts = cohorts.get(index)!;
      const retained: number[] = [];
      for (let k = 0; index + k <= end; k++) {
        const start = periodStart(index + k, period);
        retained.push(k === 0 ? lasts.length : lasts.filter((d) => d >= start).length);
      }
      return {
        cohort: periodLabel(index, period),
        size: lasts.length,
        retained,
        retention: retained.map((n) => n / lasts.length),
        churn: retained.map((n, k) =>
          k === 0 || retained[k - 1] === 0 ? null : 1 - n / retained[k - 1]!,
        ),
      };
    });
}

/** A customer's purchase (or activity) days. */
export interface CustomerActivity {
  readonly customerId: string;
  readonly days: readonly Day[];
}

/** Period-over-period movement of the active base. */
export interface PeriodRetention {
  readonly period: string;
  /** Customers active (with a purchase) in this period. */
  readonly active: number;
  /** Active in this period and the previous one. */
  readonly retained: number;
  /** Active now but not in the previous period (new or returning). */
  readonly gained: number;
  /** Active in the previous period but not in this one. */
  readonly lost: number;
  /** retained / previous active, and 1 − that; null for the first period or an empty one. */
  readonly retentionRate: number | null;
  readonly churnRate: number | null;
  /** False for the period containing `asOf` when it has not ended. */
  readonly complete: boolean;
}

/** Retention and churn of the active base from period to period, from `from` to `asOf`. */
export function periodRetention(
  activity: readonly CustomerActivity[],
  { from, asOf, period }: { from: Day; asOf: Day; period: PeriodKind },
): PeriodRetention[] {
  const first = periodIndex(from, period);
  const last = periodIndex(asOf, period);
  const active: Set<string>[] = Array.from(
    { length: Math.max(0, last - first + 1) },
    () => new Set(),
  );
  for (const c of activity) {
    for (const day of c.days) {
      if (day > asOf) continue;
      const k = periodIndex(day, period) - first;
      if (k >= 0) active[k]!.add(c.customerId);
    }
  }
  return active.map((now, k) => {
    const before = k > 0 ? active[k - 1]! : null;
    let retained = 0;
    for (const id of now) if (before?.has(id)) retained++;
    const rate = before && before.size > 0 ? retained / before.size : null;
    return {
      period: periodLabel(first + k, period),
      active: now.size,
      retained,
      gained: now.size - retained,
      lost: before ? before.size - retained : 0,
      retentionRate: rate,
      churnRate: rate === null ? null : 1 - rate,
      complete: periodStart(first + k + 1, period) <= asOf + 1,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The ladder

/** Customers per stage and their share, every stage listed. */
export function stageDistribution(stages: readonly Stage[]): {
  total: number;
  byStage: Record<Stage, { count: number; share: number }>;
} {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const s of stages) counts[s]++;
  const total = stages.length;
  const byStage = Object.fromEntries(
    STAGES.map((s) => [s, { count: counts[s], share: total > 0 ? counts[s] / total : 0 }]),
  ) as Record<Stage, { count: number; share: number }>;
  return { total, byStage };
}

/** A recorded stage change: from this day on the customer is in `to`. */
export interface StageEvent {
  readonly customerId: string;
  readonly day: Day;
  readonly to: Stage;
}

/** How many customers were in `from` on the first date and in `to` on the second. */
export interface StageFlow {
  /** null: not yet on the ladder on the first date. */
  readonly from: Stage | null;
  readonly to: Stage;
  readonly customers: number;
}

/**
 * Stage flows between two dates: each customer's stage on a date is the target of its last
 * event on or before that day (same-day events in input order). Customers without any event by
 * `to` are left out; those who stayed put appear as from = to.
 */
export function stageFlows(events: readonly StageEvent[], from: Day, to: Day): StageFlow[] {
  const byCustomer = new Map<string, { at: Stage | null; end: Stage | null }>();
  const ordered = events.map((e, i) => ({ e, i })).sort((x, y) => x.e.day - y.e.day || x.i - y.i);
  for (const { e } of ordered) {
    if (e.day > to) continue;
    const state = byCustomer.get(e.customerId) ?? { at: null, end: null };
    if (e.day <= from) state.at = e.to;
    state.end = e.to;
    byCustomer.set(e.customerId, state);
  }
  const counts = new Map<string, StageFlow>();
  for (const { at, end } of byCustomer.values()) {
    const key = `${at}>${end}`;
    const flow = counts.get(key) ?? { from: at, to: end!, customers: 0 };
    counts.set(key, { ...flow, customers: flow.customers + 1 });
  }
  const order = (s: Stage | null) => (s === null ? -1 : STAGES.indexOf(s));
  return [...counts.values()].sort(
    (x, y) => order(x.from) - order(y.from) || order(x.to) - order(y.to),
  );
}

/** Where a customer stands against the typical time of its stage. */
export type VelocityStatus = "early" | "on_time" | "overdue" | "untimed";

/** A customer's current stage and the day it entered it. */
export interface StageTenure {
  readonly customerId: string;
  readonly stage: Stage;
  readonly since: Day;
}

/**
 * Upgrade velocity now: whole calendar months in the current stage against its typical time
 * (SPEC §2, `TYPICAL_DWELL`: new 2–4, old 3–12, core 12). Early before the minimum, overdue
 * from the maximum on (as the ladder's own `isOverdue`), on time in between; untimed for
 * stages without a typical time.
 */
export function upgradeVelocity(
  tenures: readonly StageTenure[],
  asOf: Day,
  typical: Partial<Record<Stage, Dwell>> = TYPICAL_DWELL,
): { customerId: string; stage: Stage; months: number; status: VelocityStatus }[] {
  return tenures.map((t) => {
    const since = toDate(t.since);
    const now = toDate(asOf);
    const dwell = typical[t.stage];
    const status: VelocityStatus = !dwell
      ? "untimed"
      : now >= addMonths(since, dwell.maxMonths)
        ? "overdue"
        : now < addMonths(since, dwell.minMonths)
          ? "early"
          : "on_time";
    return { customerId: t.customerId, stage: t.stage, months: monthsBetween(since, now), status };
  });
}

/** Completed upgrades out of one stage, against its typical time. */
export interface UpgradeTiming {
  readonly upgrades: number;
  /** Median whole months in the stage before the upgrade; null without upgrades. */
  readonly medianMonths: number | null;
  /** Upgraded in fewer months than the minimum, within the range, or after the maximum. */
  readonly fast: number;
  readonly onTime: number;
  readonly slow: number;
}

/**
 * How long completed upgrades took (one step up the normal path), per stage with a typical
 * time: the months from entering the stage to the upgrade event.
 */
export function upgradeDurations(
  events: readonly StageEvent[],
  typical: Partial<Record<Stage, Dwell>> = TYPICAL_DWELL,
): Partial<Record<Stage, UpgradeTiming>> {
  const months = new Map<Stage, number[]>();
  const byCustomer = new Map<string, StageEvent[]>();
  events.forEach((e) => byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]));
  for (const list of byCustomer.values()) {
    const sorted = [...list].sort((a, b) => a.day - b.day);
    for (let i = 1; i < sorted.length; i++) {
      const [entered, next] = [sorted[i - 1]!, sorted[i]!];
      if (nextStageUp(entered.to) !== next.to || !typical[entered.to]) continue;
      const list2 = months.get(entered.to) ?? [];
      list2.push(monthsBetween(toDate(entered.day), toDate(next.day)));
      months.set(entered.to, list2);
    }
  }
  const result: Partial<Record<Stage, UpgradeTiming>> = {};
  for (const [stage, dwell] of Object.entries(typical) as [Stage, Dwell][]) {
    const list = (months.get(stage) ?? []).sort((a, b) => a - b);
    const mid = list.length >> 1;
    result[stage] = {
      upgrades: list.length,
      medianMonths:
        list.length === 0 ? null : list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2,
      fast: list.filter((m) => m < dwell.minMonths).length,
      onTime: list.filter((m) => m >= dwell.minMonths && m <= dwell.maxMonths).length,
      slow: list.filter((m) => m > dwell.maxMonths).length,
    };
  }
  return result;
}

/**
 * The share of problem customers among active (not exited) ones against the 3 % limit, with
 * the ladder's own definition (`shared/ladder/problemShare`).
 */
export function problemShareOfStages(stages: readonly Stage[]): ShareLine & { limit: number } {
  const active = stages.filter((s) => s !== "exited").length;
  const problem = stages.filter((s) => s === "problem").length;
  const { limit, overall } = problemShare([{ ownerId: 0, ownerName: null, active, problem }]);
  return { ...overall, limit };
}

export * from "./valueKpis.js";
