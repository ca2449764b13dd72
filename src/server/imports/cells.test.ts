import { describe, expect, it } from "vitest";
import {
  CellError,
  formatCents,
  parseCents,
  parseDate,
  parseInteger,
  parseList,
  parseTimestamp,
  unguardFormula,
} from "./cells.js";

describe("parseCents", () => {
  it.each([
    ["0", 0],
    ["0.29", 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ["1.005e0", null],
    ["12.3", 1230],
    [".5", 50],
    ["-3", -300],
    ["- 3.10", -310],
    ["¥1,234.56", 123456],
    ["￥1,234,567.8", 123456780],
    ["RMB 9.99", 999],
    ["$ -0.01", -1],
    ["4.500", 450],
    ["19.99", 1999],
    ["90071992547409.91", 9007199254740991],
    ["1234567890123.45", 123456789012345], // the longest the digit-only quick path takes
    ["12.", 1200],
    ["007.5", 750],
  ])("%s → %s cents", (text, cents) => {
    if (cents === null) expect(() => parseCents(text)).toThrow(CellError);
    else expect(parseCents(text)).toBe(cents);
  });

  it.each([
    "1.005",
    "abc",
    "",
    "1,23.00",
    "1.2.3",
    "12,34",
    "90071992547410.00",
    "1e5",
    ".",
    "12.3x",
    "12.x",
  ])("refuses %j", (text) => {
    expect(() => parseCents(text)).toThrow(CellError);
  });

  it("round-trips with formatCents", () => {
    for (const cents of [0, 1, -1, 99, 100, -105, 123456789, -9007199254740991]) {
      expect(parseCents(formatCents(cents))).toBe(cents);
    }
    expect(formatCents(-5)).toBe("-0.05");
  });
});

describe("dates and times", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024/3/5", "2024-03-05"],
    ["2024.03.05", "2024-03-05"],
    ["2024年3月5日", "2024-03-05"],
    ["2024-03-05T00:00:00.000Z", "2024-03-05"],
  ])("date %s → %s", (text, date) => expect(parseDate(text)).toBe(date));

  it.each(["2023-02-29", "2024-13-01", "05/03/2024", "2024-03-05T10:00:00Z"])(
    "refuses date %s",
    (text) => {
      expect(() => parseDate(text)).toThrow(CellError);
    },
  );

  it.each([
    ["2024-03-05", "2024-03-05T00:00:00.000Z"],
    ["2024-03-05 09:30", "2024-03-05T09:30:00.000Z"],
    ["2024-03-05T09:30:15+08:00", "2024-03-05T01:30:15.000Z"],
    ["2024-03-05T09:30:15.250-0530", "2024-03-05T15:00:15.250Z"],
    ["2024/3/5 23:59:59Z", "2024-03-05T23:59:59.000Z"],
    ["2024-02-29 10:00:00", "2024-02-29T10:00:00.000Z"],
    ["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
  ])("instant %s → %s", (text, iso) => expect(parseTimestamp(text).toISOString()).toBe(iso));

  it.each([
    "2024-02-30",
    "2023-02-29T10:00:00Z",
    "1900-02-29",
    "2024-04-31 00:00:00",
    "2024-03-05 24:00",
    "yesterday",
    "1800-01-01",
    "2024-03-05T10:00:00+8",
  ])("refuses instant %s", (text) => {
    expect(() => parseTimestamp(text)).toThrow(CellError);
  });
});

describe("other cells", () => {
  it("reads whole numbers and lists", () => {
    expect(parseInteger("1,200", 0, 10_000)).toBe(1200);
    expect(parseInteger("12.0", 0, 100)).toBe(12);
    expect(parseInteger("007", 1, 100)).toBe(7);
    expect(() => parseInteger("0", 1, 5)).toThrow(/outside 1…5/);
    expect(() => parseInteger("1x", 1, 5)).toThrow(/not a whole number/);
    expect(() => parseInteger("12.5", 0, 100)).toThrow(CellError);
    expect(() => parseInteger("6", 1, 5)).toThrow(/outside 1…5/);
    expect(parseList("重点、VIP；老客户, a | b")).toEqual(["重点", "VIP", "老客户", "a", "b"]);
  });

  it("removes only our own formula guard", () => {
    expect(unguardFormula("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguardFormula("'-5")).toBe("-5");
    expect(unguardFormula("'quoted'")).toBe("'quoted'");
    expect(unguardFormula("'")).toBe("'");
  });
});
