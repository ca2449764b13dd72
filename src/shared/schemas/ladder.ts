/**
 * Request and response schemas of the relationship ladder (SPEC §2): stage changes and their
 * history, upgrade conditions, proposals, the problem-customer share, the board, flows, next
 * best actions and the customer 360 view.
 */
import { z } from "zod";
import { PROPOSAL_STATUSES, STAGES } from "../enums.js";
import { PROPOSAL_RULES } from "../ladder/proposalRules.js";
import { NEXT_ACTION_KINDS, NEXT_ACTION_TARGETS } from "../ladder/nextActions.js";
import { UPGRADE_CONDITIONS } from "../ladder/upgradeConditions.js";
import {
  DateTimeSchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  text,
} from "./common.js";
import { CustomerSchema } from "./customers.js";
import { ContactSchema } from "./contacts.js";

const StageEnum = z.enum(STAGES);
const isoTime = z.string();

// ---- stage changes --------------------------------------------------------------------------

export const StageChangeSchema = z.strictObject({
  /** The stage to move to; the move must be allowed from the current stage. */
  to: StageEnum,
  /** Why: recorded with the change and shown in the history. */
  reason: text(2000).min(1),
  /** The customer version the client read (optional: a stage move need not race other edits). */
  version: VersionSchema.optional(),
});
export type StageChangeInput = z.infer<typeof StageChangeSchema>;

export const StageChangeResultSchema = z.object({
  eventId: z.number(),
  customerId: z.number(),
  from: StageEnum,
  to: StageEnum,
  reason: z.string(),
  at: isoTime,
  /** The customer's version after the change. */
  version: z.number(),
});
export type StageChangeResult = z.infer<typeof StageChangeResultSchema>;

export const TimeInStageSchema = z.object({ days: z.number(), months: z.number() });

export const StageEventSchema = z.object({
  id: z.number(),
  /** null for the first event, when the customer was registered. */
  from: StageEnum.nullable(),
  to: StageEnum,
  reason: z.string(),
  at: isoTime,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  proposalId: z.number().nullable(),
  /** Days spent in `to` from this event until the next one (or until now for the current stage). */
  days: z.number(),
});

export const StageHistorySchema = z.object({
  customerId: z.number(),
  stage: StageEnum,
  stageSince: isoTime,
  timeInStage: TimeInStageSchema,
  /** Past the stage's typical time (new 2–4 months, old 3–12, core about 12). */
  overdue: z.boolean(),
  /** When the stage's typical time runs out; null for stages without one. */
  dueAt: isoTime.nullable(),
  /** Oldest first. */
  events: z.array(StageEventSchema),
  /** Total days spent in each stage so far. */
  daysByStage: z.partialRecord(StageEnum, z.number()),
});

// ---- evidence, upgrade conditions -----------------------------------------------------------

export const EvidenceItemSchema = z.object({
  /** Machine key, e.g. purchase_days, accepted_deliveries (the web app translates by it). */
  key: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  text: z.string(),
});

export const UpgradeConditionsSchema = z.object({
  customerId: z.number(),
  stage: StageEnum,
  /** The stage an upgrade would lead to. */
  nextStage: StageEnum.nullable(),
  allHold: z.boolean(),
  conditions: z.array(
    z.object({
      key: z.enum(UPGRADE_CONDITIONS),
      /** What the condition means (SPEC §2). */
      description: z.string(),
      holds: z.boolean(),
      found: z.array(EvidenceItemSchema),
      missing: z.array(z.string()),
    }),
  ),
  /** An upgrade the evidence supports, held back by an open core need. */
  heldBack: z.object({ rule: z.enum(PROPOSAL_RULES), to: StageEnum }).nullable(),
  asOf: isoTime,
});

// ---- proposals ------------------------------------------------------------------------------

export const ProposalSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  from: StageEnum,
  to: StageEnum,
  /** up: upgrade, recovery or win-back; down: fall, exit or downgrade. */
  direction: z.enum(["up", "down"]),
  rule: z.enum(PROPOSAL_RULES),
  evidence: z.array(EvidenceItemSchema),
  status: z.enum(PROPOSAL_STATUSES),
  createdAt: isoTime,
  decidedBy: z.number().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  decisionNote: z.string().nullable(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ListProposalsQuerySchema = PageQuerySchema.extend({
  status: manyOf(z.enum(PROPOSAL_STATUSES)),
  ownerId: manyOf(IdSchema),
  rule: manyOf(z.enum(PROPOSAL_RULES)),
  /** The stage the proposal moves from (the customer's stage while it is open). */
  stage: manyOf(StageEnum),
  customerId: IdSchema.optional(),
}).strict();
export type ListProposalsQuery = z.infer<typeof ListProposalsQuerySchema>;
export const ProposalPageSchema = pageOf(ProposalSchema);

export const AcceptProposalSchema = z.strictObject({
  /** An optional note, kept with the decision and the stage event's reason. */
  note: text(2000).optional(),
});
export const RejectProposalSchema = z.strictObject({
  /** Why the proposal is wrong: required, so the rules can be improved. */
  note: text(2000).min(1),
});

export const RunProposalsSchema = z.strictObject({
  /** Judge the evidence as of this instant (default: now). */
  asOf: DateTimeSchema.optional(),
});
export const ProposalRunSchema = z.object({
  asOf: isoTime,
  scanned: z.number(),
  created: z.number(),
  refreshed: z.number(),
  staled: z.number(),
  heldBack: z.number(),
  ms: z.number(),
});
export type ProposalRun = z.infer<typeof ProposalRunSchema>;

// ---- ladder analytics -----------------------------------------------------------------------

const ShareLineSchema = z.object({
  active: z.number(),
  problem: z.number(),
  share: z.number(),
  alert: z.boolean(),
});
export const ProblemShareSchema = z.object({
  /** The share to stay at or below (0.03). */
  limit: z.number(),
  overall: ShareLineSchema,
  byOwner: z.array(
    ShareLineSchema.extend({ ownerId: z.number(), ownerName: z.string().nullable() }),
  ),
});

export const BoardQuerySchema = PageQuerySchema.extend({
  /** One column only (needed with `cursor`, for its next page). */
  stage: StageEnum.optional(),
  ownerId: manyOf(IdSchema),
}).strict();
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const BoardCardSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  stageSince: isoTime,
  timeInStage: TimeInStageSchema,
  overdue: z.boolean(),
  version: z.number(),
});
export const BoardSchema = z.object({
  /** Customers per stage (not archived), every stage listed. */
  counts: z.record(StageEnum, z.number()),
  /** Longest in the stage first. */
  columns: z.array(
    z.object({
      stage: StageEnum,
      count: z.number(),
      items: z.array(BoardCardSchema),
      nextCursor: z.string().nullable(),
    }),
  ),
  asOf: isoTime,
});

export const FlowsQuerySchema = z.strictObject({
  /** Start of the period (default: 90 days before `to`). */
  from: DateTimeSchema.optional(),
  /** End of the period, exclusive (default: now). */
  to: DateTimeSchema.optional(),
});
export const FlowsSchema = z.object({
  from: isoTime,
  to: isoTime,
  total: z.number(),
  /** Moves between stages in the period; `from` null counts registrations. */
  flows: z.array(z.object({ from: StageEnum.nullable(), to: StageEnum, count: z.number() })),
});

// ---- next best actions ----------------------------------------------------------------------

export const NextActionSchema = z.object({
  kind: z.enum(NEXT_ACTION_KINDS),
  /** 0–100, highest first. */
  priority: z.number(),
  title: z.string(),
  reason: z.string(),
  /** What to open or act on. */
  target: z.object({ type: z.enum(NEXT_ACTION_TARGETS), id: z.number() }),
  dueAt: isoTime.nullable(),
});
export const NextActionsSchema = z.object({
  customerId: z.number(),
  asOf: isoTime,
  items: z.array(NextActionSchema),
});

// ---- customer 360 ---------------------------------------------------------------------------

export const NeedSummarySchema = z.object({
  id: z.number(),
  level: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  source: z.string().nullable(),
  createdAt: isoTime,
  metAt: isoTime.nullable(),
});
export const DeliverySummarySchema = z.object({
  id: z.number(),
  round: z.number(),
  stageAtPlan: z.string(),
  valueItemId: z.number().nullable(),
  valueTitle: z.string().nullable(),
  needId: z.number().nullable(),
  content: z.string().nullable(),
  medium: z.string().nullable(),
  status: z.string(),
  plannedFor: isoTime.nullable(),
  deliveredAt: isoTime.nullable(),
  outcome: z.string().nullable(),
});
export const InteractionSummarySchema = z.object({
  id: z.number(),
  channel: z.string(),
  contentType: z.string(),
  direction: z.string(),
  occurredAt: isoTime,
  summary: z.string(),
  outcome: z.string().nullable(),
  actorName: z.string().nullable(),
});
export const ComplaintSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  cause: z.string().nullable(),
  step: z.string(),
  receivedAt: isoTime,
  stepDueAt: isoTime.nullable(),
  overdue: z.boolean(),
  closedAt: isoTime.nullable(),
  satisfaction: z.string().nullable(),
});
export const BondSummarySchema = z.object({
  id: z.number(),
  level: z.string(),
  kind: z.string(),
  description: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
});
export const ScoresSummarySchema = z.object({
  runId: z.number(),
  asOf: isoTime,
  abcClass: z.string().nullable(),
  rfmR: z.number().nullable(),
  rfmF: z.number().nullable(),
  rfmM: z.number().nullable(),
  rfmSegment: z.string().nullable(),
  pAlive: z.number().nullable(),
  expectedPurchases: z.number().nullable(),
  clvCents: z.number().nullable(),
  clvQuadrant: z.string().nullable(),
  lifecyclePhase: z.string().nullable(),
});

export const Customer360Schema = z.object({
  customer: CustomerSchema,
  contacts: z.array(ContactSchema),
  stageHistory: StageHistorySchema,
  needs: z.array(NeedSummarySchema),
  /** The value spiral: deliveries grouped by round, latest round first. */
  deliveryRounds: z.array(
    z.object({ round: z.number(), deliveries: z.array(DeliverySummarySchema) }),
  ),
  /** The latest 50, newest first. */
  interactions: z.array(InteractionSummarySchema),
  complaints: z.array(ComplaintSummarySchema),
  bonds: z.array(BondSummarySchema),
  /** From the newest published analytics run, if any. */
  scores: ScoresSummarySchema.nullable(),
  upgradeConditions: UpgradeConditionsSchema,
  nextActions: z.array(NextActionSchema),
  openProposal: ProposalSchema.nullable(),
  asOf: isoTime,
});
