/**
 * Pure readings of the analytics answers for the analytics scene: the fitted-model report out
 * of a run's `fit` JSON (typed loosely by the API), shares of a total, rows in the vocabulary's
 * order, and the cohort retention as a heat map.
 */
import type { Retention, RetentionPeriod } from "../../api/analytics.js";

export interface BgNbdReport {
  r: number;
  alpha: number;
  a: number;
  b: number;
  logLikelihood: number;
  converged: boolean;
  customers: number | null;
  repeatCustomers: number | null;
}

export interface GammaGammaReport {
  p: number;
  q: number;
  gamma: number;
  logLikelihood: number;
  converged: boolean;
  customers: number | null;
}

export interface ModelReport {
  bgnbd: BgNbdReport | null;
  gammaGamma: GammaGammaReport | null;
  /** Cut points of the CLV quadrants, in cents: current value (profit) and future value (CLV). */
  thresholds: { current: number; future: number } | null;
  /** Why a model was not fitted or predicted nothing, as the server wrote it. */
  notes: string[];
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);
const numberOrNull = (value: unknown) => (isNumber(value) ? value : null);

/** The numbers named `keys`, or null when one is missing (a model that was not fitted). */
function numbers<K extends string>(fields: unknown, keys: readonly K[]): Record<K, number> | null {
  if (!isObject(fields)) return null;
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const value = fields[key];
    if (!isNumber(value)) return null;
    out[key] = value;
  }
  return out;
}

/** Reads a run's `fit` (see the server's refresh); anything malformed reads as not fitted. */
export function readModelReport(fit: unknown): ModelReport {
  const fields: Fields = isObject(fit) ? fit : {};
  const bg = numbers(fields.bgnbd, ["r", "alpha", "a", "b", "logLikelihood"] as const);
  const gg = numbers(fields.gammaGamma, ["p", "q", "gamma", "logLikelihood"] as const);
  const bgFields = isObject(fields.bgnbd) ? fields.bgnbd : {};
  const ggFields = isObject(fields.gammaGamma) ? fields.gammaGamma : {};
  return {
    bgnbd: bg && {
      ...bg,
      converged: bgFields.converged === true,
      customers: numberOrNull(bgFields.customers),
      repeatCustomers: numberOrNull(bgFields.repeatCustomers),
    },
    gammaGamma: gg && {
      ...gg,
      converged: ggFields.converged === true,
      customers: numberOrNull(ggFields.customers),
    },
    thresholds: numbers(fields.quadrantThresholds, ["current", "future"] as const),
    notes: Array.isArray(fields.notes)
      ? fields.notes.filter((note): note is string => typeof note === "string")
      : [],
  };
}

/** Each row with its share of the column's total (0 when the total is 0). */
export function withShare<T>(rows: readonly T[], value: (row: T) => number) {
  const total = rows.reduce((sum, row) => sum + value(row), 0);
  return rows.map((row) => ({ ...row, share: total > 0 ? value(row) / total : 0 }));
}

/** Rows in the order of a known vocabulary; names the vocabulary lacks follow, as they came. */
export function inVocabularyOrder<T>(
  rows: readonly T[],
  name: (row: T) => string,
  vocabulary: readonly string[],
): T[] {
  const rank = (row: T) => {
    const index = vocabulary.indexOf(name(row));
    return index < 0 ? vocabulary.length : index;
  };
  return rows
    .map((row, position) => ({ row, position }))
    .sort((x, y) => rank(x.row) - rank(y.row) || x.position - y.position)
    .map(({ row }) => row);
}

const MONTHS: Record<RetentionPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** Month number of a cohort label ("2024-04": the first month of its period). */
function monthOf(label: string): number {
  const [year, month] = label.split("-").map(Number);
  return (year ?? 0) * 12 + (month ?? 1) - 1;
}

export interface HeatCell {
  retention: number;
  retained: number;
  /** The cohort's newest period, not over yet: its share will still rise. */
  running: boolean;
}

export interface HeatRow {
  cohort: string;
  size: number;
  /** One per period since acquisition; null where the cohort has not reached that period. */
  cells: (HeatCell | null)[];
}

/**
 * The cohorts as rows of a heat map, as many columns as the oldest cohort has periods. A cohort
 * d periods older than the newest has periods 0…d measured; period d is still running (the
 * newest cohort's only period is its acquisition, which is whole by definition).
 */
export function retentionHeatmap(retention: Retention): { periods: number; rows: HeatRow[] } {
  const newest = retention.cohorts.at(-1)?.cohort;
  const length = MONTHS[retention.period as RetentionPeriod] ?? 1;
  const reach = (cohort: string) =>
    newest ? Math.max(0, Math.floor((monthOf(newest) - monthOf(cohort)) / length)) : 0;
  const periods = retention.cohorts.reduce(
    (most, c) => Math.max(most, reach(c.cohort) + 1, c.retention.length),
    0,
  );
  const rows = retention.cohorts.map((cohort) => {
    const last = Math.max(reach(cohort.cohort), cohort.retention.length - 1);
    const cells = Array.from({ length: periods }, (_, k): HeatCell | null =>
      k > last
        ? null
        : {
            retention: cohort.retention[k] ?? 0,
            retained: cohort.retained[k] ?? 0,
            running: k > 0 && k === last,
          },
    );
    return { cohort: cohort.cohort, size: cohort.size, cells };
  });
  return { periods, rows };
}

/** Background and text colour of a heat-map cell: the higher the share, the deeper the blue. */
export function heatShade(share: number): { background: string; color: string } {
  const clamped = Math.min(1, Math.max(0, share));
  const alpha = 0.06 + 0.84 * Math.sqrt(clamped);
  return {
    background: `rgba(29, 91, 214, ${alpha.toFixed(3)})`,
    color: alpha > 0.5 ? "#fff" : "rgba(0, 0, 0, 0.88)",
  };
}

const parameterFormats = new Map<string, Intl.NumberFormat>();

/**
 * A fitted parameter or log-likelihood: four significant digits (0.2430 → "0.243"), but whole
 * digits and one decimal for large magnitudes, so a log-likelihood keeps its tenths.
 */
export function formatParameter(value: number, language: string): string {
  const large = Math.abs(value) >= 1000;
  const key = `${language}|${large}`;
  let format = parameterFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      language,
      large ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 4 },
    );
    parameterFormats.set(key, format);
  }
  return format.format(value);
}
