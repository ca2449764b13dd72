/**
 * Short money and share labels for chart axes and tiles ("¥7.2亿", "¥720M", "12.5%"), from Intl
 * for the interface language. Formatters are cached like those of i18n/format.ts.
 */
import { DEFAULT_CURRENCY } from "../../i18n/format.js";
import type { Language } from "../../i18n/languages.js";

const cache = new Map<string, Intl.NumberFormat>();

function cached(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(language, options)));
  return format;
}

/** Money in cents, in compact notation. */
export function compactMoney(cents: number, language: Language): string {
  return cached(language, {
    style: "currency",
    currency: DEFAULT_CURRENCY,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

/** A count in compact notation (12K, 1.2万). */
export function compactNumber(value: number, language: Language): string {
  return cached(language, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A share 0–1 as a percentage with `digits` decimals. */
export function percent(share: number, language: Language, digits = 1): string {
  return cached(language, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}
