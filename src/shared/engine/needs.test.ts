import { describe, expect, it } from "vitest";
import { NEED_STATUSES, type NeedStatus } from "../enums.js";
import { isUnmetNeed, metAtAfter } from "./needs.js";

const asOf = new Date("2025-05-01T00:00:00Z");
const earlier = new Date("2025-01-01T00:00:00Z");

describe("unmet needs", () => {
  const expected: Record<NeedStatus, boolean> = {
    open: true,
    being_met: true,
    deferred: true,
    met: false,
    declined: false,
  };
  it.each(NEED_STATUSES)("%s", (status) => expect(isUnmetNeed(status)).toBe(expected[status]));
});

describe("met time", () => {
  const cases: [string, NeedStatus, Date | null, NeedStatus, Date | null][] = [
    ["becoming met stamps now", "open", null, "met", asOf],
    ["staying met keeps the first time", "met", earlier, "met", earlier],
    ["a met need without a time gets one", "met", null, "met", asOf],
    ["reopening clears it", "met", earlier, "open", null],
    ["declining clears it", "met", earlier, "declined", null],
    ["other moves leave it empty", "open", null, "being_met", null],
  ];
  it.each(cases)("%s", (_name, status, metAt, next, expected) => {
    expect(metAtAfter({ status, metAt }, next, asOf)).toEqual(expected);
  });
});
