import type { TFunction } from "i18next";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time in at most two units, e.g. "2 days 3 hours", "40 minutes". */
export function formatSpan(ms: number, t: TFunction<"engine">): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.max(1, Math.floor((abs % HOUR) / MINUTE));
  if (days > 0)
    return hours > 0
      ? `${t("time.days", { count: days })} ${t("time.hours", { count: hours })}`
      : t("time.days", { count: days });
  if (hours > 0) return t("time.hours", { count: hours });
  return t("time.minutes", { count: minutes });
}

/** "due in 5 hours" or "overdue by 2 days", from a due time and now. */
export function formatDue(dueAt: string, now: number, t: TFunction<"engine">): string {
  const left = new Date(dueAt).getTime() - now;
  return left >= 0
    ? t("time.dueIn", { span: formatSpan(left, t) })
    : t("time.overdueBy", { span: formatSpan(left, t) });
}
