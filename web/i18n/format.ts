/**
 * Money, numbers and dates formatted with Intl for the interface language. Formatters are cached:
 * building an Intl formatter costs far more than using one, and tables format thousands of cells.
 */
import type { Language } from "./languages.js";

/** Money is stored in integer cents (of yuan unless stated). */
export const DEFAULT_CURRENCY = "CNY";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(language, options)));
  return format as Intl.NumberFormat;
}

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(language, options)));
  return format as Intl.DateTimeFormat;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatMoney(
  cents: number,
  language: Language,
  currency = DEFAULT_CURRENCY,
): string {
  return numberFormat(language, { style: "currency", currency }).format(cents / 100);
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language, {}).format(value);
}

/**
 * A calendar date ("2024-03-01", e.g. a birth date) is shown as that date everywhere; an instant
 * (ISO timestamp) is shown as its date in the browser's time zone.
 */
export function formatDate(value: string, language: Language): string {
  const calendar = CALENDAR_DATE.test(value);
  const date = new Date(calendar ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(language, {
    dateStyle: "medium",
    ...(calendar ? { timeZone: "UTC" } : {}),
  }).format(date);
}

export function formatDateTime(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
