/**
 * Units shared by the analytics. Money is integer cents and dates are whole UTC days, each a
 * branded number so that dollars, milliseconds or weeks cannot be passed where they are not
 * meant. Construct them with `cents()` and `toDay()`, which validate.
 */
import { AnalyticsInputError } from "./errors.js";

/** An amount of money in integer cents (may be negative: refunds, losses). */
export type Cents = number & { readonly __unit: "cents" };

/** A calendar day: whole days since 1970-01-01 in UTC. */
export type Day = number & { readonly __unit: "day" };

/** The time unit of a purchase-history summary (BG/NBD inputs). */
export type TimeUnit = "day" | "week";

/** Days in one unit of each `TimeUnit`. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7 };

const MS_PER_DAY = 86_400_000;

/** Brands an integer number of cents; throws on fractions, NaN and unsafe integers. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new AnalyticsInputError("amount", `expected integer cents, got ${value}`);
  }
  return value as Cents;
}

/**
 * Parses a decimal money string ("29.33", "-5", "1,234.5") into cents without going through
 * a binary float, so "0.29" is exactly 29 cents. At most two decimals are accepted.
 */
export function parseCents(text: string): Cents {
  const cleaned = text.trim().replaceAll(",", "");
  const match = /^([+-]?)(\d*)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new AnalyticsInputError("amount", `not a money amount: "${text}"`);
  }
  const whole = Number(match[2] || "0");
  const fraction = Number((match[3] ?? "").padEnd(2, "0"));
  const sign = match[1] === "-" ? -1 : 1;
  return cents(sign * (whole * 100 + fraction));
}

/**
 * Converts a date to its UTC day number. Accepts a `Date`, "YYYY-MM-DD" (optionally followed
 * by a time, which is ignored) or "YYYYMMDD".
 */
export function toDay(input: Date | string): Day {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new AnalyticsInputError("date", "invalid Date");
    return Math.floor(ms / MS_PER_DAY) as Day;
  }
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T ])/.exec(input.trim());
  if (!match) throw new AnalyticsInputError("date", `not a date: "${input}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new AnalyticsInputError("date", `no such calendar day: "${input}"`);
  }
  return Math.floor(ms / MS_PER_DAY) as Day;
}

/** Formats a day number as "YYYY-MM-DD". */
export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
