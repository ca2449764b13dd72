import { describe, expect, it } from "vitest";
import { DRILLDOWN_DIMENSIONS, drillInto, openDimensions, shapeBuckets } from "./segments.js";

describe("drilling down", () => {
  it("narrows a filter to one value and keeps the rest of it", () => {
    expect(drillInto({ region: ["华东"], tag: ["vip"] }, "industry", "制造业")).toEqual({
      region: ["华东"],
      tag: ["vip"],
      industry: ["制造业"],
    });
    expect(drillInto({ industry: ["a", "b"] }, "industry", "a")).toEqual({ industry: ["a"] });
  });

  const cases: [string, Parameters<typeof openDimensions>[0], string[]][] = [
    ["nothing pinned", {}, [...DRILLDOWN_DIMENSIONS]],
    [
      "industry pinned",
      { industry: ["制造业"] },
      DRILLDOWN_DIMENSIONS.filter((d) => d !== "industry"),
    ],
    ["two regions are not pinned", { region: ["a", "b"] }, [...DRILLDOWN_DIMENSIONS]],
    [
      "industry and stage pinned",
      { industry: ["x"], stage: ["new"] },
      DRILLDOWN_DIMENSIONS.filter((d) => d !== "industry" && d !== "stage"),
    ],
  ];
  it.each(cases)("open dimensions: %s", (_name, filter, expected) => {
    expect(openDimensions(filter)).toEqual(expected);
  });
});

describe("buckets", () => {
  const groups = [
    { value: "b", count: 5 },
    { value: null, count: 5 },
    { value: "a", count: 5 },
    { value: "c", count: 20 },
    { value: "d", count: 1 },
  ];
  it("orders by size, then by value with unknown last, and sums what is cut off", () => {
    expect(shapeBuckets(groups, 3)).toEqual({
      total: 36,
      buckets: [
        { value: "c", count: 20, share: 20 / 36 },
        { value: "a", count: 5, share: 5 / 36 },
        { value: "b", count: 5, share: 5 / 36 },
      ],
      otherCount: 6,
    });
  });
  it("answers an empty filter with no buckets", () => {
    expect(shapeBuckets([], 10)).toEqual({ total: 0, buckets: [], otherCount: 0 });
  });
});
