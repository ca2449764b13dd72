/**
 * Turning one spreadsheet cell (always text by now) into a typed value. Pure functions: each
 * returns the value or throws a CellError whose message is shown to the user beside the line
 * number, so the messages say what was expected.
 */

export class CellError extends Error {}

/**
 * Undoes our own export's formula guard: a text cell we wrote as `'=…` (see the exports'
 * neutraliseFormula) comes back as `=…`, so export → import round-trips.
 */
export function unguardFormula(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && "=+-@\t\r".includes(cell[1]!) ? cell.slice(1) : cell;
}

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * The common shape — digits, then at most two decimals ("1234.56", "12.5", "7") — read without
 * regular expressions, as quickTimestamp does for instants. Null for anything else (the full
 * parser decides); at most 13 whole digits, so the cents stay exact.
 */
function quickCents(text: string): number | null {
  const n = text.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0 || i > 13) return null;
  if (i === n) return whole * 100;
  if (text.charCodeAt(i) !== 46 || n - i > 3) return null; // "." and at most two decimals
  let fraction = 0;
  for (let j = i + 1; j < i + 3; j++) {
    const digit = j < n ? text.charCodeAt(j) - 48 : 0;
    if (digit < 0 || digit > 9) return null;
    fraction = fraction * 10 + digit;
  }
  return whole * 100 + fraction;
}

/**
 * A decimal amount in currency units ("1234.5", "¥1,234.50", "-3") as integer cents, exactly:
 * the digits are read as text, never through a float. More than two decimals (other than
 * trailing zeros) is refused rather than rounded.
 */
export function parseCents(cell: string): number {
  const quick = quickCents(cell);
  if (quick !== null) return quick;
  let text = cell.trim().replace(/^(?:[¥￥$]|RMB|CNY)\s*/i, "");
  let sign = 1;
  if (text.startsWith("-") || text.startsWith("+")) {
    sign = text.startsWith("-") ? -1 : 1;
    text = text
      .slice(1)
      .trimStart()
      .replace(/^(?:[¥￥$]|RMB|CNY)\s*/i, "");
  }
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, "");
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === "" && !match[2]))
    throw new CellError(`"${cell}" is not an amount (e.g. 1234.56)`);
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > 2) throw new CellError(`"${cell}" has more than 2 decimal places`);
  const whole = match[1] === "" ? 0 : Number(match[1]);
  const cents = whole * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(whole * 100) || cents > MAX_CENTS)
    throw new CellError(`"${cell}" is too large`);
  return sign * cents;
}

/** Formats integer cents as a decimal amount ("-12.05"): the inverse of parseCents. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A whole number within bounds; "1,200" and "12.0" are accepted. */
export function parseInteger(cell: string, min: number, max: number): number {
  // Plain digits (the usual cell) need no regular expression.
  if (cell.length > 0 && cell.length < 10) {
    let value = 0;
    for (let i = 0; i < cell.length && value >= 0; i++) {
      const digit = cell.charCodeAt(i) - 48;
      value = digit < 0 || digit > 9 ? -1 : value * 10 + digit;
    }
    if (value >= min && value <= max) return value;
  }
  const text = cell.trim().replace(/^(\d{1,3}(?:,\d{3})+)$/, (m) => m.replace(/,/g, ""));
  const match = /^([+-]?\d+)(?:\.0*)?$/.exec(text);
  if (!match) throw new CellError(`"${cell}" is not a whole number`);
  const value = Number(match[1]);
  if (value < min || value > max) throw new CellError(`${value} is outside ${min}…${max}`);
  return value;
}

const pad = (n: string) => n.padStart(2, "0");

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A calendar date as YYYY-MM-DD. Accepts 2024-3-5, 2024/03/05, 2024.3.5, 2024年3月5日 and a
 * midnight timestamp (what a spreadsheet date cell becomes).
 */
export function parseDate(cell: string): string {
  const text = cell.trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/.exec(
      text,
    );
  if (!match) throw new CellError(`"${cell}" is not a date (YYYY-MM-DD)`);
  const [, y, m, d] = match as unknown as [string, string, string, string];
  if (!realDate(Number(y), Number(m), Number(d)))
    throw new CellError(`"${cell}" is not a real date`);
  return `${y}-${pad(m)}-${pad(d)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : MONTH_DAYS[month - 1]!;

/** Digits at text[from, from + count) as a number, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The common shapes — 2024-03-05, 2024-03-05T09:30:00Z, 2024-03-05 09:30:00 — read without a
 * regular expression: a million rows spend a third of their checking time here otherwise.
 * Null when the text has another shape or is not a real instant (the full parser explains).
 */
function quickTimestamp(text: string): number | null {
  const n = text.length;
  if ((n !== 10 && n !== 19 && n !== 20) || text[4] !== "-" || text[7] !== "-") return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    if ((text[10] !== "T" && text[10] !== " ") || text[13] !== ":" || text[16] !== ":") return null;
    if (n === 20 && text[19] !== "Z" && text[19] !== "z") return null;
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    second = digitsAt(text, 17, 2);
  }
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * An instant. Dates and times without an offset are read as UTC (the database's zone);
 * give an offset (2024-03-05T09:30:00+08:00) for local times.
 */
export function parseTimestamp(cell: string): Date {
  const quick = quickTimestamp(cell);
  if (quick !== null) return new Date(quick);
  const text = cell.trim();
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      text,
    );
  if (!match)
    throw new CellError(
      `"${cell}" is not a date or time (e.g. 2024-03-05 or 2024-03-05T09:30:00+08:00)`,
    );
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] =
    match as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!realDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw new CellError(`"${cell}" is not a real date and time`);
  }
  const millis = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes =
      (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const value =
    Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  if (year < 1900 || year > 2999) throw new CellError(`"${cell}" is outside the years 1900–2999`);
  return new Date(value);
}

const TRUE = new Set(["true", "t", "yes", "y", "1", "是", "对", "√", "✓", "key"]);
const FALSE = new Set(["false", "f", "no", "n", "0", "否", "不是", "×", "✗"]);

export function parseBoolean(cell: string): boolean {
  const text = cell.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw new CellError(`"${cell}" is not yes/no (true/false, 是/否)`);
}

/** A list in one cell, separated by ; , | or the Chinese 、，；. */
export function parseList(cell: string): string[] {
  return cell
    .split(/[;,|、，；]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A value of a closed vocabulary, by its code or one of its aliases (e.g. 潜在客户 for potential). */
export function parseChoice<T extends string>(
  cell: string,
  choices: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T {
  const raw = cell.trim();
  const code = raw.toLowerCase().replace(/[\s-]+/g, "_");
  if ((choices as readonly string[]).includes(code)) return code as T;
  const alias = aliases[raw] ?? aliases[code];
  if (alias) return alias;
  throw new CellError(`"${cell}" is not one of ${choices.join(", ")}`);
}
