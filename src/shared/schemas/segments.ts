/** Request and response schemas of segments and top-down drill-down (SPEC §6). */
import { z } from "zod";
import { MARKETING_MODES, SEGMENT_DECISIONS } from "../enums.js";
import { DRILLDOWN_DIMENSIONS } from "../engine/segments.js";
import {
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  shortText,
  text,
} from "./common.js";
import { CUSTOMER_SORTS, CustomerFilterSchema, CustomerSchema } from "./customers.js";

/** A segment's definition: the customer list's filter, saved and evaluated live. */
export const SegmentDefinitionSchema = CustomerFilterSchema.strict();

export const SegmentFieldsSchema = z.object({
  name: shortText().min(1),
  description: text().nullable(),
  definition: SegmentDefinitionSchema,
  /** "Serve some people, not everyone": pursue, maintain or give_up. */
  decision: z.enum(SEGMENT_DECISIONS).nullable(),
  /** Why: its needs, its value (ABC/RFM/CLV), our strengths and weaknesses against it. Required with a decision. */
  decisionReason: text(5000).nullable(),
  /** mass (one offer for all), frequency (rewards for repeat buying) or customised (one-to-one). */
  marketingMode: z.enum(MARKETING_MODES).nullable(),
  /** Visible to everyone (default) or only to its owner and admins. */
  shared: z.boolean(),
});

const decisionNeedsReason = (
  segment: { decision?: string | null; decisionReason?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (segment.decision && !segment.decisionReason?.trim()) {
    ctx.addIssue({
      code: "custom",
      path: ["decisionReason"],
      message: "A decision needs its reasoning",
    });
  }
};

export const CreateSegmentSchema = SegmentFieldsSchema.partial()
  .required({ name: true })
  .strict()
  .superRefine(decisionNeedsReason);
export type CreateSegmentInput = z.infer<typeof CreateSegmentSchema>;

export const UpdateSegmentSchema = SegmentFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdateSegmentInput = z.infer<typeof UpdateSegmentSchema>;

export const DeleteSegmentQuerySchema = z.strictObject({
  /** The version you read. */
  version: z.coerce.number().int().positive(),
});

export const ListSegmentsQuerySchema = PageQuerySchema.extend({
  /** Name contains this text. */
  q: z.string().trim().max(200).optional(),
  decision: manyOf(z.enum(SEGMENT_DECISIONS)),
  marketingMode: manyOf(z.enum(MARKETING_MODES)),
  /** "true" adds each segment's live customer count (within your access). */
  withCounts: z.enum(["true", "false"]).default("false"),
}).strict();
export type ListSegmentsQuery = z.infer<typeof ListSegmentsQuerySchema>;

export const SegmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  /**
   * The saved filter: the customer list's query parameters, each list as an array
   * (e.g. {"industry": ["制造业"], "stage": ["new", "old"]}).
   */
  definition: z.record(
    z.string(),
    z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
  ),
  decision: z.enum(SEGMENT_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  marketingMode: z.enum(MARKETING_MODES).nullable(),
  shared: z.boolean(),
  ownerId: z.number().nullable(),
  /** Customers matching now, among those you may read (on a single segment, or withCounts). */
  customerCount: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Segment = z.infer<typeof SegmentSchema>;
export const SegmentPageSchema = pageOf(SegmentSchema);

export const SegmentCustomersQuerySchema = PageQuerySchema.extend({
  sort: z.enum(CUSTOMER_SORTS).default("id"),
  order: z.enum(["asc", "desc"]).default("asc"),
}).strict();
export const SegmentCustomerPageSchema = pageOf(CustomerSchema);

export const DrilldownQuerySchema = CustomerFilterSchema.extend({
  /** The dimension to split by. */
  dimension: z.enum(DRILLDOWN_DIMENSIONS),
  /** Start from a saved segment's definition (combined with the filter given here). */
  segmentId: IdSchema.optional(),
  /** How many groups to show (largest first); the rest are summed in otherCount. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
}).strict();
export type DrilldownQuery = z.infer<typeof DrilldownQuerySchema>;

export const DrilldownSchema = z.object({
  dimension: z.enum(DRILLDOWN_DIMENSIONS),
  /** Customers within the filter (and your access). */
  total: z.number(),
  buckets: z.array(
    z.object({
      /** The dimension's value; null where it is not recorded. */
      value: z.string().nullable(),
      count: z.number(),
      /** Share of total, 0–1. */
      share: z.number(),
    }),
  ),
  /** Customers in groups beyond `limit`. */
  otherCount: z.number(),
  /** Dimensions not yet pinned to one value: where to drill next. */
  nextDimensions: z.array(z.enum(DRILLDOWN_DIMENSIONS)),
});
