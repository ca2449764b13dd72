import { describe, expect, it } from "vitest";
import { STAGES, VALUE_DIMENSIONS, VALUE_KINDS, VALUE_SCOPES } from "../enums.js";
import { valueCoverage, type CoverageItem } from "./valueCoverage.js";

const item = (kind: string, scope: string, more: Partial<CoverageItem> = {}): CoverageItem => ({
  kind,
  scope,
  dimensions: [],
  stages: [],
  competitorsLacking: [],
  competitorsHaving: [],
  ...more,
});

describe("value coverage", () => {
  const items = [
    item("product", "core", {
      dimensions: ["basic_to_attractive"],
      stages: ["new"],
      competitorsLacking: ["A"],
    }),
    item("product", "core", { dimensions: ["basic_to_attractive", "short_to_long_term"] }),
    item("product", "additional", { competitorsLacking: ["A"], competitorsHaving: ["B"] }),
    item("brand", "potential", { stages: ["target", "new"] }),
    item("明确的目标", "core"),
  ];
  const coverage = valueCoverage(items);

  it("lists every default kind × scope, then the custom kinds, with zeros", () => {
    expect(coverage.byKindScope).toHaveLength((VALUE_KINDS.length + 1) * VALUE_SCOPES.length);
    const at = (kind: string, scope: string) =>
      coverage.byKindScope.find((c) => c.kind === kind && c.scope === scope);
    expect(at("product", "core")).toEqual({
      kind: "product",
      scope: "core",
      count: 2,
      unique: 1,
      thin: false,
    });
    expect(at("product", "additional")).toEqual({
      kind: "product",
      scope: "additional",
      count: 1,
      unique: 0,
      thin: true,
    });
    expect(at("social", "core")).toEqual({
      kind: "social",
      scope: "core",
      count: 0,
      unique: 0,
      thin: true,
    });
    expect(coverage.byKind.map((k) => k.kind)).toEqual([...VALUE_KINDS, "明确的目标"]);
    expect(coverage.byKind.at(-1)).toEqual({
      kind: "明确的目标",
      isDefault: false,
      count: 1,
      unique: 0,
      thin: true,
    });
  });

  const dimensions: [string, number][] = [
    ["basic_to_attractive", 2],
    ["short_to_long_term", 1],
    ["public_to_private", 0],
  ];
  it.each(dimensions)("counts items on the %s dimension: %i", (dimension, count) => {
    expect(coverage.byDimension.find((d) => d.dimension === dimension)?.count).toBe(count);
  });

  it("covers every dimension and stage", () => {
    expect(coverage.byDimension.map((d) => d.dimension)).toEqual([...VALUE_DIMENSIONS]);
    expect(coverage.byStage.map((s) => [s.stage, s.count])).toEqual(
      STAGES.map((s) => [s, s === "new" ? 2 : s === "target" ? 1 : 0]),
    );
    expect(coverage.total).toBe(5);
  });

  it("takes another thinness threshold", () => {
    expect(valueCoverage(items, 3).byKind.find((k) => k.kind === "product")?.thin).toBe(false);
    expect(valueCoverage(items, 4).byKind.find((k) => k.kind === "product")?.thin).toBe(true);
  });
});
