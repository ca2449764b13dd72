/**
 * The customers list keeps its filters and sort in the page URL, with the same names the API
 * uses, so a filtered list can be bookmarked, shared and reached with the back button.
 */
import { CUSTOMER_KINDS, CUSTOMER_PURPOSES, SCALES, STAGES } from "../../src/shared/enums.js";
import { ABC_CLASSES, CLV_QUADRANTS, LIFECYCLE_PHASES } from "../api/analytics.js";
import { toSearchParams } from "../api/client.js";
import { CUSTOMER_SORTS, type CustomerListQuery } from "../api/types.js";

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): value is T => (allowed as readonly string[]).includes(value);
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function texts(params: URLSearchParams, name: string): string[] {
  return distinct(
    params
      .getAll(name)
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  );
}

/** Reads the list query from the page URL, ignoring values the API would reject. */
export function parseCustomerQuery(params: URLSearchParams): CustomerListQuery {
  const query: CustomerListQuery = {};
  const q = params.get("q")?.trim();
  if (q) query.q = q;
  const stage = texts(params, "stage").filter(oneOf(STAGES));
  if (stage.length) query.stage = stage;
  const kind = texts(params, "kind").filter(oneOf(CUSTOMER_KINDS));
  if (kind.length) query.kind = kind;
  const purpose = texts(params, "purpose").filter(oneOf(CUSTOMER_PURPOSES));
  if (purpose.length) query.purpose = purpose;
  const scale = texts(params, "scale").filter(oneOf(SCALES));
  if (scale.length) query.scale = scale;
  const industry = texts(params, "industry");
  if (industry.length) query.industry = industry;
  const region = texts(params, "region");
  if (region.length) query.region = region;
  const tag = texts(params, "tag");
  if (tag.length) query.tag = tag;
  // The scores of the latest analytics refresh: where the dashboard's charts click through to.
  const abcClass = texts(params, "abcClass").filter(oneOf(ABC_CLASSES));
  if (abcClass.length) query.abcClass = abcClass;
  const rfmSegment = texts(params, "rfmSegment");
  if (rfmSegment.length) query.rfmSegment = rfmSegment;
  const clvQuadrant = texts(params, "clvQuadrant").filter(oneOf(CLV_QUADRANTS));
  if (clvQuadrant.length) query.clvQuadrant = clvQuadrant;
  const lifecyclePhase = texts(params, "lifecyclePhase").filter(oneOf(LIFECYCLE_PHASES));
  if (lifecyclePhase.length) query.lifecyclePhase = lifecyclePhase;
  const ownerId = texts(params, "ownerId")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  if (ownerId.length) query.ownerId = distinct(ownerId);
  const sort = params.get("sort");
  if (sort && oneOf(CUSTOMER_SORTS)(sort)) {
    query.sort = sort;
    query.order = params.get("order") === "desc" ? "desc" : "asc";
  }
  return query;
}

/** The URL form of a list query; empty filters are left out. */
export function customerQueryToParams(query: CustomerListQuery): URLSearchParams {
  const { q, stage, kind, purpose, industry, region, scale, ownerId, tag, sort, order } = query;
  const { abcClass, rfmSegment, clvQuadrant, lifecyclePhase } = query;
  return toSearchParams({
    q,
    stage,
    kind,
    purpose,
    industry,
    region,
    scale,
    ownerId,
    tag,
    abcClass,
    rfmSegment,
    clvQuadrant,
    lifecyclePhase,
    sort,
    order,
  });
}

const FILTER_KEYS = [
  "q",
  "stage",
  "kind",
  "purpose",
  "industry",
  "region",
  "scale",
  "ownerId",
  "tag",
  "abcClass",
  "rfmSegment",
  "clvQuadrant",
  "lifecyclePhase",
] as const satisfies readonly (keyof CustomerListQuery)[];

export function hasCustomerFilters(query: CustomerListQuery): boolean {
  return FILTER_KEYS.some((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
}

/** The same query without its filters (sort kept). */
export function withoutFilters(query: CustomerListQuery): CustomerListQuery {
  return query.sort ? { sort: query.sort, order: query.order ?? "asc" } : {};
}
