import { describe, expect, it } from "vitest";
import {
  customerQueryToParams,
  hasCustomerFilters,
  parseCustomerQuery,
  withoutFilters,
} from "./customersQuery.js";

describe("customers list URL", () => {
  it.each([
    ["", {}],
    ["q=%E5%BC%A0%E4%B8%89", { q: "张三" }],
    ["q=++", {}],
    ["stage=new&stage=old&stage=bogus", { stage: ["new", "old"] }],
    [
      "kind=individual&purpose=intermediary&scale=large",
      { kind: ["individual"], purpose: ["intermediary"], scale: ["large"] },
    ],
    [
      "industry=%E9%9B%B6%E5%94%AE&industry=%E9%9B%B6%E5%94%AE&region=%E5%8D%8E%E4%B8%9C",
      { industry: ["零售"], region: ["华东"] },
    ],
    ["ownerId=3&ownerId=x&ownerId=-1&ownerId=3", { ownerId: [3] }],
    ["tag=VIP", { tag: ["VIP"] }],
    [
      "abcClass=A&abcClass=D&rfmSegment=champions&clvQuadrant=mvc&clvQuadrant=vip&lifecyclePhase=growth",
      {
        abcClass: ["A"],
        rfmSegment: ["champions"],
        clvQuadrant: ["mvc"],
        lifecyclePhase: ["growth"],
      },
    ],
    ["sort=stage", { sort: "stage", order: "asc" }],
    ["sort=updatedAt&order=desc", { sort: "updatedAt", order: "desc" }],
    ["sort=password&order=desc", {}],
  ])("reads %s", (search, expected) => {
    expect(parseCustomerQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it("writes repeated parameters for several values and drops empty ones", () => {
    const params = customerQueryToParams({
      q: "张",
      stage: ["new", "old"],
      kind: [],
      sort: "name",
      order: "asc",
    });
    expect(params.toString()).toBe("q=%E5%BC%A0&stage=new&stage=old&sort=name&order=asc");
  });

  it("round-trips", () => {
    const query = {
      q: "华为",
      stage: ["core" as const],
      ownerId: [7, 9],
      sort: "createdAt" as const,
      order: "desc" as const,
    };
    expect(parseCustomerQuery(customerQueryToParams(query))).toEqual(query);
  });

  it.each([
    [{}, false],
    [{ sort: "name" as const, order: "asc" as const }, false],
    [{ stage: [] }, false],
    [{ q: "a" }, true],
    [{ tag: ["VIP"] }, true],
  ])("knows whether %j filters", (query, expected) => {
    expect(hasCustomerFilters(query)).toBe(expected);
  });

  it("clears filters but keeps the sort", () => {
    expect(withoutFilters({ q: "a", stage: ["new"], sort: "stage", order: "desc" })).toEqual({
      sort: "stage",
      order: "desc",
    });
    expect(withoutFilters({ q: "a" })).toEqual({});
  });
});
