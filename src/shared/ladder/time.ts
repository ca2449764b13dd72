/** Calendar arithmetic for the ladder's dwell times: UTC, whole months, no clock (pass `asOf`). */

const DAY_MS = 86_400_000;

/** `date` plus `months` calendar months in UTC, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

/** Whole days from `from` to `to` (0 when `to` is not after `from`). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** Whole calendar months from `from` to `to` (0 when `to` is not after `from`). */
export function monthsBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  let months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

export const subtractDays = (date: Date, days: number) => new Date(date.getTime() - days * DAY_MS);
