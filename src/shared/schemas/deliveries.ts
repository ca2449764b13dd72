/** Request and response schemas of value delivery (SPEC §5). */
import { z } from "zod";
import {
  DELIVERY_OUTCOMES,
  DELIVERY_STATUSES,
  INTERACTION_CHANNELS,
  NEED_LEVELS,
  STAGES,
} from "../enums.js";
import {
  DateTimeSchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  text,
} from "./common.js";
import { ValueItemSchema } from "./values.js";

/** Step 4: the medium or channel the value reaches the customer through. */
const MediumSchema = z.enum(INTERACTION_CHANNELS);

export const PlanDeliverySchema = z
  .strictObject({
    /** The customer to deliver to; step 1 (its stage) is read from it when planning. */
    customerId: IdSchema,
    /**
     * The round of the customer's spiral. Omit it to start the next round (the highest round so
     * far + 1); give an open round (one with a delivery still planned or awaiting a verdict) to
     * add to it. A finished or unknown round is a 400.
     */
    round: z.number().int().positive().max(1_000_000).optional(),
    /** Step 2, content: a catalogue item (active) … */
    valueItemId: IdSchema.optional(),
    /** … and/or free content; at least one of the two. */
    content: text(5000).min(1).optional(),
    /** The customer's need this delivery answers (one of this customer's needs). */
    needId: IdSchema.optional(),
    /** Step 3, timing: when to deliver. */
    plannedFor: DateTimeSchema.optional(),
    medium: MediumSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.valueItemId === undefined && plan.content === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["valueItemId"],
        message: "Choose the content: a valueItemId, free content, or both",
      });
    }
  });
export type PlanDeliveryInput = z.infer<typeof PlanDeliverySchema>;

/** Changing a plan: only while it is still planned. */
export const UpdateDeliverySchema = z.strictObject({
  version: VersionSchema,
  valueItemId: IdSchema.nullable().optional(),
  content: text(5000).nullable().optional(),
  needId: IdSchema.nullable().optional(),
  plannedFor: DateTimeSchema.nullable().optional(),
  medium: MediumSchema.nullable().optional(),
});
export type UpdateDeliveryInput = z.infer<typeof UpdateDeliverySchema>;

export const DeliverSchema = z.strictObject({
  version: VersionSchema,
  /** When it was delivered; default now. */
  deliveredAt: DateTimeSchema.optional(),
  /** The medium actually used, if not the planned one. */
  medium: MediumSchema.optional(),
});
export type DeliverInput = z.infer<typeof DeliverSchema>;

export const EvaluateDeliverySchema = z.strictObject({
  version: VersionSchema,
  /** Step 5: did the customer recognise and accept it? */
  outcome: z.enum(DELIVERY_OUTCOMES),
  /** What shows it (the customer's words, an order, a referral, …). */
  evidence: text().min(1),
  /** When it was judged; default now. */
  evaluatedAt: DateTimeSchema.optional(),
});
export type EvaluateDeliveryInput = z.infer<typeof EvaluateDeliverySchema>;

export const CancelDeliverySchema = z.strictObject({
  version: VersionSchema,
  /** Why it was dropped (kept in the audit log). */
  reason: text(1000).optional(),
});
export type CancelDeliveryInput = z.infer<typeof CancelDeliverySchema>;

export const ListDeliveriesQuerySchema = PageQuerySchema.extend({
  customerId: IdSchema.optional(),
  status: manyOf(z.enum(DELIVERY_STATUSES)),
  outcome: manyOf(z.enum(DELIVERY_OUTCOMES)),
  valueItemId: IdSchema.optional(),
  needId: IdSchema.optional(),
  /** Planned for before this instant (e.g. now: what is due). */
  plannedBefore: DateTimeSchema.optional(),
  /** Planned for at or after this instant. */
  plannedAfter: DateTimeSchema.optional(),
  /** Newest first (desc, the default) or oldest first. */
  order: z.enum(["asc", "desc"]).default("desc"),
}).strict();
export type ListDeliveriesQuery = z.infer<typeof ListDeliveriesQuerySchema>;

export const DeliverySchema = z.object({
  id: z.number(),
  customerId: z.number(),
  round: z.number(),
  /** Step 1: the customer's stage when the delivery was planned. */
  stageAtPlan: z.enum(STAGES),
  valueItemId: z.number().nullable(),
  valueItemTitle: z.string().nullable(),
  needId: z.number().nullable(),
  content: z.string().nullable(),
  plannedFor: z.string().nullable(),
  medium: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  deliveredAt: z.string().nullable(),
  outcome: z.enum(DELIVERY_OUTCOMES).nullable(),
  outcomeEvidence: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  ownerId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
export const DeliveryPageSchema = pageOf(DeliverySchema);

/** The spiral: pages of rounds, oldest first by default. */
export const SpiralQuerySchema = PageQuerySchema.extend({
  order: z.enum(["asc", "desc"]).default("asc"),
}).strict();

export const DeliveryRoundSchema = z.object({
  round: z.number(),
  /** The stages the customer was in when this round's deliveries were planned. */
  stages: z.array(z.enum(STAGES)),
  startedAt: z.string(),
  planned: z.number(),
  delivered: z.number(),
  accepted: z.number(),
  partly: z.number(),
  rejected: z.number(),
  cancelled: z.number(),
  open: z.boolean(),
  /** Accepted share of the judged deliveries, partly counting half; null before any verdict. */
  acceptance: z.number().nullable(),
  deliveries: z.array(DeliverySchema),
});
export const DeliveryRoundPageSchema = pageOf(DeliveryRoundSchema);

export const SuggestionsQuerySchema = z
  .object({
    /** How many suggestions (1–50). */
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

export const DeliverySuggestionsSchema = z.object({
  customerId: z.number(),
  stage: z.enum(STAGES),
  items: z.array(
    z.object({
      valueItem: ValueItemSchema,
      score: z.number(),
      /** The unmet need it answers, to link the planned delivery to. */
      needId: z.number().nullable(),
      needLevel: z.enum(NEED_LEVELS).nullable(),
      reasons: z.array(
        z.object({ code: z.string(), message: z.string(), needId: z.number().optional() }),
      ),
    }),
  ),
});
