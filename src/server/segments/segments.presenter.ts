/** Segments as the API shows them. */
import { isoDates } from "../http/crud/present.js";
import type { Segment } from "../../shared/schemas/segments.js";
import type { SegmentRow } from "./segmentAccess.js";
import { definitionOf } from "./segments.repository.js";

export function presentSegment(row: SegmentRow, customerCount?: number): Segment {
  return {
    ...(isoDates(row) as Omit<Segment, "definition" | "customerCount">),
    definition: definitionOf(row),
    ...(customerCount === undefined ? {} : { customerCount }),
  };
}
