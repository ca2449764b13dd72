/**
 * Where the value catalogue is thin (SPEC §4): counts of items per kind × scope, per kind, per
 * value dimension and per stage, with every default kind, scope, dimension and stage present
 * (a zero is the point: it shows what we do not offer).
 */
import { STAGES, VALUE_DIMENSIONS, VALUE_KINDS, VALUE_SCOPES } from "../enums.js";
import { isUniqueValue } from "./deliverySuggestions.js";

export interface CoverageItem {
  kind: string;
  scope: string;
  dimensions: readonly string[];
  stages: readonly string[];
  competitorsLacking: readonly string[];
  competitorsHaving: readonly string[];
}

export interface CoverageCell {
  count: number;
  /** Of those, items competitors lack (our unique value). */
  unique: number;
  /** Fewer than `thinBelow` items. */
  thin: boolean;
}

export interface ValueCoverage {
  total: number;
  thinBelow: number;
  byKindScope: (CoverageCell & { kind: string; scope: string })[];
  byKind: (CoverageCell & { kind: string; isDefault: boolean })[];
  byDimension: (CoverageCell & { dimension: string })[];
  byStage: (CoverageCell & { stage: string })[];
}

/** Counts a catalogue; kinds beyond the nine defaults are listed after them, alphabetically. */
export function valueCoverage(items: readonly CoverageItem[], thinBelow = 2): ValueCoverage {
  const defaults: readonly string[] = VALUE_KINDS;
  const custom = [...new Set(items.map((i) => i.kind).filter((k) => !defaults.includes(k)))].sort();
  const kinds = [...defaults, ...custom];
  const cell = (matching: readonly CoverageItem[]): CoverageCell => ({
    count: matching.length,
    unique: matching.filter(isUniqueValue).length,
    thin: matching.length < thinBelow,
  });
  return {
    total: items.length,
    thinBelow,
    byKindScope: kinds.flatMap((kind) =>
      VALUE_SCOPES.map((scope) => ({
        kind,
        scope,
        ...cell(items.filter((i) => i.kind === kind && i.scope === scope)),
      })),
    ),
    byKind: kinds.map((kind) => ({
      kind,
      isDefault: defaults.includes(kind),
      ...cell(items.filter((i) => i.kind === kind)),
    })),
    byDimension: VALUE_DIMENSIONS.map((dimension) => ({
      dimension,
      ...cell(items.filter((i) => i.dimensions.includes(dimension))),
    })),
    byStage: STAGES.map((stage) => ({
      stage,
      ...cell(items.filter((i) => i.stages.includes(stage))),
    })),
  };
}
