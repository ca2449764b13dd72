import { describe, expect, it } from "vitest";
import { formatDate, formatMoney } from "./format.js";
import { preferredLanguage } from "./languages.js";

describe("formatting", () => {
  it.each([
    [123456789, "zh-CN", "¥1,234,567.89"],
    [123456789, "en", "CN¥1,234,567.89"],
    [-50, "zh-CN", "-¥0.50"],
  ] as const)("money %i cents in %s", (cents, language, expected) => {
    expect(formatMoney(cents, language)).toBe(expected);
  });

  it("shows a calendar date as that date whatever the time zone", () => {
    expect(formatDate("1985-02-10", "zh-CN")).toBe("1985年2月10日");
    expect(formatDate("1985-02-10", "en")).toBe("Feb 10, 1985");
  });

  it.each([
    [["zh-CN", "en"], "zh-CN"],
    [["zh-Hant-TW"], "zh-CN"],
    [["fr-FR", "en-GB", "zh"], "en"],
    [["de"], "en"],
    [[], "en"],
  ])("picks the language for %j", (preferred, expected) => {
    expect(preferredLanguage(preferred)).toBe(expected);
  });
});
