/** Request and response schemas of interactions and interaction plans (SPEC §10). */
import { z } from "zod";
import { INTERACTION_CHANNELS, INTERACTION_CONTENT, INTERACTION_DIRECTIONS } from "../enums.js";
import {
  DateOnlySchema,
  DateTimeSchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  shortText,
  text,
} from "./common.js";

/** Non-personal channels (SPEC §10): the rest are personal. */
export const NON_PERSONAL_CHANNELS = ["media", "environment", "event"] as const;

export const RecordInteractionSchema = z.strictObject({
  customerId: IdSchema,
  /** The customer's contact we dealt with, if one. */
  contactId: IdSchema.optional(),
  /** The interaction plan this carries out, if any. */
  planId: IdSchema.optional(),
  /** Personal (face_to_face, letter, email, website, phone, messaging) or non-personal (media, environment, event). */
  channel: z.enum(INTERACTION_CHANNELS),
  /** What was exchanged: information, emotion, or opinions and suggestions. */
  contentType: z.enum(INTERACTION_CONTENT),
  /** inbound (the customer reached us) or outbound. */
  direction: z.enum(INTERACTION_DIRECTIONS),
  occurredAt: DateTimeSchema,
  /** What was said or done. */
  summary: text(5000).min(1),
  /** What came of it. */
  outcome: text().optional(),
});
export type RecordInteractionInput = z.infer<typeof RecordInteractionSchema>;

export const ListInteractionsQuerySchema = PageQuerySchema.extend({
  customerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  planId: IdSchema.optional(),
  channel: manyOf(z.enum(INTERACTION_CHANNELS)),
  contentType: manyOf(z.enum(INTERACTION_CONTENT)),
  direction: manyOf(z.enum(INTERACTION_DIRECTIONS)),
  /** Occurred at or after this instant. */
  from: DateTimeSchema.optional(),
  /** Occurred before this instant. */
  to: DateTimeSchema.optional(),
  /** By when it occurred: newest first (desc, the default) or oldest first. */
  order: z.enum(["asc", "desc"]).default("desc"),
}).strict();
export type ListInteractionsQuery = z.infer<typeof ListInteractionsQuerySchema>;

export const InteractionSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  contactId: z.number().nullable(),
  planId: z.number().nullable(),
  channel: z.enum(INTERACTION_CHANNELS),
  /** Whether the channel is a personal one. */
  personal: z.boolean(),
  contentType: z.enum(INTERACTION_CONTENT),
  direction: z.enum(INTERACTION_DIRECTIONS),
  occurredAt: z.string(),
  summary: z.string(),
  outcome: z.string().nullable(),
  /** Who recorded it. */
  actorId: z.number().nullable(),
  createdAt: z.string(),
});
export type Interaction = z.infer<typeof InteractionSchema>;
export const InteractionPageSchema = pageOf(InteractionSchema);

export const PLAN_STATUSES = ["draft", "active", "completed", "cancelled"] as const;

/** A goal: specific, achievable and time-bound. */
export const PlanGoalSchema = z.strictObject({
  text: text(500).min(1),
  /** Deadline. */
  due: DateOnlySchema,
  /** Reached (set when evaluating the plan). */
  met: z.boolean().default(false),
});

/** Every editable field of a plan; all optional so one shape serves create and update. */
export const PlanFieldsSchema = z.object({
  name: shortText().min(1),
  /** Which customers, by their life-cycle expectations. */
  object: text().nullable(),
  goals: z.array(PlanGoalSchema).max(50),
  /** Topic, structure and format of what is said, per channel. */
  content: text(5000).nullable(),
  channel: z.enum(INTERACTION_CHANNELS).nullable(),
  /** How often to interact, in days. */
  frequencyDays: z.number().int().min(1).max(3650).nullable(),
  startsOn: DateOnlySchema.nullable(),
  endsOn: DateOnlySchema.nullable(),
  /** Evaluation: goals met? problems? new findings? */
  evaluation: text(5000).nullable(),
  status: z.enum(PLAN_STATUSES),
});

export const CreatePlanSchema = PlanFieldsSchema.partial()
  .required({ name: true })
  .extend({
    /** A plan for one customer … */
    customerId: IdSchema.optional(),
    /** … or for a segment (neither: a general plan whose object describes its customers). */
    segmentId: IdSchema.optional(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    if (plan.customerId !== undefined && plan.segmentId !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["segmentId"],
        message: "A plan is for one customer or one segment, not both",
      });
    }
  });
export type CreatePlanInput = z.infer<typeof CreatePlanSchema>;

export const UpdatePlanSchema = PlanFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdatePlanInput = z.infer<typeof UpdatePlanSchema>;

export const ListPlansQuerySchema = PageQuerySchema.extend({
  customerId: IdSchema.optional(),
  segmentId: IdSchema.optional(),
  status: manyOf(z.enum(PLAN_STATUSES)),
  channel: manyOf(z.enum(INTERACTION_CHANNELS)),
  order: z.enum(["asc", "desc"]).default("desc"),
}).strict();
export type ListPlansQuery = z.infer<typeof ListPlansQuerySchema>;

export const InteractionPlanSchema = z.object({
  id: z.number(),
  name: z.string(),
  customerId: z.number().nullable(),
  segmentId: z.number().nullable(),
  object: z.string().nullable(),
  goals: z.array(z.object({ text: z.string(), due: z.string(), met: z.boolean() })),
  content: z.string().nullable(),
  channel: z.enum(INTERACTION_CHANNELS).nullable(),
  frequencyDays: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  evaluation: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  ownerId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type InteractionPlan = z.infer<typeof InteractionPlanSchema>;
export const InteractionPlanPageSchema = pageOf(InteractionPlanSchema);

export const DuePlansQuerySchema = PageQuerySchema.extend({
  /** Goals due within this many days of `asOf` (overdue ones included). */
  days: z.coerce.number().int().min(0).max(366).default(14),
  /** The day to count from; default today (UTC). */
  asOf: DateOnlySchema.optional(),
  customerId: IdSchema.optional(),
  segmentId: IdSchema.optional(),
}).strict();
export type DuePlansQuery = z.infer<typeof DuePlansQuerySchema>;

export const DuePlanSchema = z.object({
  plan: InteractionPlanSchema,
  /** The earliest deadline among its due goals. */
  firstDue: z.string(),
  dueGoals: z.array(
    z.object({
      /** Position in the plan's goals (to mark it met). */
      index: z.number(),
      text: z.string(),
      due: z.string(),
      met: z.boolean(),
      /** Days left from asOf; negative when overdue. */
      daysLeft: z.number(),
      overdue: z.boolean(),
    }),
  ),
});
export const DuePlanPageSchema = pageOf(DuePlanSchema);
