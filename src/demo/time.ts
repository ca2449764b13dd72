/** Time arithmetic for the generator: epoch milliseconds, business hours in China (UTC+8). */
import type { DemoRandom } from "./random.js";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const YEAR_DAYS = 365.25;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

export const days = (count: number) => count * DAY_MS;

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * ISO 8601 in UTC, as timestamptz columns take it; the same text as `Date#toISOString`.
 * Hand-built with the date part cached per day: the generator formats tens of millions of
 * timestamps, and `toISOString` was its largest cost.
 */
export function isoTime(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const millisText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${prefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millisText}Z`;
}

/** Midnight UTC of the day `ms` falls in. */
export const startOfUtcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * Moves a moment into working hours on the same Beijing day (09:00–18:00 for businesses,
 * 09:00–22:00 for households); businesses do not order at weekends, so those move to Monday.
 */
export function intoBusinessHours(random: DemoRandom, ms: number, household: boolean): number {
  const local = ms + BEIJING_OFFSET_MS;
  let dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  if (!household) {
    const weekday = new Date(dayStart).getUTCDay(); // 0 = Sunday
    if (weekday === 6) dayStart += days(2);
    else if (weekday === 0) dayStart += days(1);
  }
  const openHours = household ? 13 : 9;
  const minute = Math.floor(random.next() * openHours * 60);
  return dayStart + 9 * HOUR_MS + minute * 60_000 + random.int(0, 59) * 1000 - BEIJING_OFFSET_MS;
}
