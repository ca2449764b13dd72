/** Request and response schemas of customer needs (SPEC §3). */
import { z } from "zod";
import {
  HUMAN_NEED_LEVELS,
  NEED_KINDS,
  NEED_LEVELS,
  NEED_SOURCES,
  NEED_STATUSES,
  STAGES,
} from "../enums.js";
import {
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  shortText,
  text,
} from "./common.js";

/** Every editable field of a need; all optional so one shape serves create and update. */
export const NeedFieldsSchema = z.object({
  /** core (rigid, must be met in full), additional (elastic, met gradually) or potential (foresee and guide). */
  level: z.enum(NEED_LEVELS),
  /** quality, service, emotional, information, benefit (price/interest) or brand. */
  kind: z.enum(NEED_KINDS),
  /** Where the need sits on the five levels of human needs, when that helps pick the value. */
  humanLevel: z.enum(HUMAN_NEED_LEVELS).nullable(),
  /** A short name for the need, e.g. "交货准时". */
  title: shortText().min(1),
  /** What exactly is needed. */
  what: text(1000).nullable(),
  /** When it is needed. */
  whenNeeded: text(500).nullable(),
  /** Where it is needed. */
  whereNeeded: text(500).nullable(),
  /** Why it is needed (the end behind the means). */
  why: text(1000).nullable(),
  /** How many. */
  howMany: text(500).nullable(),
  /** At what price. */
  price: text(500).nullable(),
  /** How the customer pays. */
  payment: text(500).nullable(),
  /** How often. */
  frequency: text(500).nullable(),
  /** open, being_met, met, deferred or declined; setting met stamps `metAt`. */
  status: z.enum(NEED_STATUSES),
  /** How the need was found: research, interaction or complaint. */
  source: z.enum(NEED_SOURCES).nullable(),
  /** What shows the need is real. */
  evidence: text().nullable(),
});

export const CreateNeedSchema = NeedFieldsSchema.partial()
  .required({ level: true, kind: true, title: true })
  .extend({
    /** The customer that has the need (give this or `segmentId`). */
    customerId: IdSchema.optional(),
    /** The segment whose common need this is (give this or `customerId`). */
    segmentId: IdSchema.optional(),
  })
  .strict()
  .superRefine((need, ctx) => {
    if ((need.customerId === undefined) === (need.segmentId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [need.customerId === undefined ? "customerId" : "segmentId"],
        message:
          "A need belongs to exactly one customer or one segment: give customerId or segmentId",
      });
    }
  });
export type CreateNeedInput = z.infer<typeof CreateNeedSchema>;

export const UpdateNeedSchema = NeedFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdateNeedInput = z.infer<typeof UpdateNeedSchema>;

const NeedFilterShape = {
  level: manyOf(z.enum(NEED_LEVELS)),
  kind: manyOf(z.enum(NEED_KINDS)),
  status: manyOf(z.enum(NEED_STATUSES)),
  source: manyOf(z.enum(NEED_SOURCES)),
  /** Newest first (desc, the default) or oldest first. */
  order: z.enum(["asc", "desc"]).default("desc"),
};

export const ListNeedsQuerySchema = PageQuerySchema.extend({
  /** Needs of this customer. */
  customerId: IdSchema.optional(),
  /** Needs of this segment. */
  segmentId: IdSchema.optional(),
  ...NeedFilterShape,
}).strict();
export type ListNeedsQuery = z.infer<typeof ListNeedsQuerySchema>;

/** `GET /api/customers/:id/needs`: the customer comes from the path. */
export const CustomerNeedsQuerySchema = PageQuerySchema.extend(NeedFilterShape).strict();

export const NeedSchema = NeedFieldsSchema.extend({
  id: z.number(),
  customerId: z.number().nullable(),
  segmentId: z.number().nullable(),
  /** When the need was met; null unless its status is met. */
  metAt: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Need = z.infer<typeof NeedSchema>;
export const NeedPageSchema = pageOf(NeedSchema);

export const UnmetCoreQuerySchema = PageQuerySchema.extend({
  /** Only customers of these owners. */
  ownerId: manyOf(IdSchema),
  /** Only customers in these stages. */
  stage: manyOf(z.enum(STAGES)),
}).strict();
export type UnmetCoreQuery = z.infer<typeof UnmetCoreQuerySchema>;

/** A customer flagged because a core need is not met (SPEC §3): no upgrade until it is. */
export const UnmetCoreCustomerSchema = z.object({
  customerId: z.number(),
  name: z.string(),
  stage: z.enum(STAGES),
  ownerId: z.number(),
  /** How many core needs are open, being met or deferred. */
  unmetCoreNeeds: z.number(),
  /** When the oldest of them was recorded. */
  oldestSince: z.string(),
  /** Titles of the unmet core needs, oldest first (at most five). */
  titles: z.array(z.string()),
});
export const UnmetCorePageSchema = pageOf(UnmetCoreCustomerSchema);
