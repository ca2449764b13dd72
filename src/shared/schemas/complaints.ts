/** Request and response schemas of complaints (SPEC §10). */
import { z } from "zod";
import { COMPLAINT_CAUSES, COMPLAINT_STEPS, SATISFACTION_GRADES } from "../enums.js";
import {
  DateTimeSchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  shortText,
  text,
} from "./common.js";

/** company side: product, service, staff, environment; customer side: misuse, expectation. */
const CauseSchema = z.enum(COMPLAINT_CAUSES);

export const CreateComplaintSchema = z.strictObject({
  customerId: IdSchema,
  /** What the complaint is about, in a few words. */
  title: shortText().min(1),
  /** The customer's own account, as heard (step 1: listen). */
  description: text(5000).optional(),
  cause: CauseSchema.optional(),
  /** When it reached us; default now. The listen step's clock starts here. */
  receivedAt: DateTimeSchema.optional(),
});
export type CreateComplaintInput = z.infer<typeof CreateComplaintSchema>;

/** Editing the description of a complaint; its steps move only through `advance`. */
export const UpdateComplaintSchema = z.strictObject({
  version: VersionSchema,
  title: shortText().min(1).optional(),
  description: text(5000).nullable().optional(),
  cause: CauseSchema.nullable().optional(),
});
export type UpdateComplaintInput = z.infer<typeof UpdateComplaintSchema>;

/**
 * One step of the workflow: `to` is the step entered; the other fields are the outputs of the
 * step being left — record → propose needs keyPoints, valid: true and a cause; record → closed
 * needs keyPoints, valid: false and an explanation; propose → follow_up needs the solution;
 * follow_up → closed needs the follow-up note and the satisfaction grade; follow_up → propose
 * (the solution did not satisfy) needs the follow-up note. A field that does not belong to the
 * move is a 400 naming it.
 */
export const AdvanceComplaintSchema = z.strictObject({
  version: VersionSchema,
  to: z.enum(COMPLAINT_STEPS),
  cause: CauseSchema.optional(),
  /** The judgement: does the complaint hold? */
  valid: z.boolean().optional(),
  /** The key points recorded. */
  keyPoints: text(5000).optional(),
  /** Why an invalid complaint is closed, as told to the customer (stored as its solution). */
  explanation: text(5000).optional(),
  /** The workable solution proposed. */
  solution: text(5000).optional(),
  /** What the follow-up found. */
  followUp: text(5000).optional(),
  /** tolerates, satisfied or delighted. */
  satisfaction: z.enum(SATISFACTION_GRADES).optional(),
});
export type AdvanceComplaintInput = z.infer<typeof AdvanceComplaintSchema>;

export const ListComplaintsQuerySchema = PageQuerySchema.extend({
  customerId: IdSchema.optional(),
  step: manyOf(z.enum(COMPLAINT_STEPS)),
  /** "true": open and past the current step's due time; "false": everything else. */
  overdue: z.enum(["true", "false"]).optional(),
  /** "true": every step but closed. */
  open: z.enum(["true", "false"]).optional(),
  cause: manyOf(CauseSchema),
  satisfaction: manyOf(z.enum(SATISFACTION_GRADES)),
  /** Newest first (desc, the default) or oldest first. */
  order: z.enum(["asc", "desc"]).default("desc"),
}).strict();
export type ListComplaintsQuery = z.infer<typeof ListComplaintsQuerySchema>;

export const ComplaintSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  cause: CauseSchema.nullable(),
  /** company or customer, from the cause. */
  causeSide: z.enum(["company", "customer"]).nullable(),
  step: z.enum(COMPLAINT_STEPS),
  /** The steps it may move to next. */
  nextSteps: z.array(z.enum(COMPLAINT_STEPS)),
  valid: z.boolean().nullable(),
  keyPoints: z.string().nullable(),
  /** The solution proposed; for a complaint judged invalid, the explanation given. */
  solution: z.string().nullable(),
  followUp: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION_GRADES).nullable(),
  receivedAt: z.string(),
  stepEnteredAt: z.string(),
  /** When the current step is due by its SLA; null once closed. */
  stepDueAt: z.string().nullable(),
  /** Open and past its step's due time, now. */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  ownerId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;
export const ComplaintPageSchema = pageOf(ComplaintSchema);
