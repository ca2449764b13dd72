/**
 * The complaint workflow of SPEC §10 as a pure state machine:
 *
 *   listen → record (key points, judge validity) → propose (solution) → follow_up → closed
 *                      └─ judged invalid → closed, with an explanation to the customer
 *                                                   follow_up → propose (the solution did not satisfy)
 *
 * A transition names the step it *enters*; the fields it requires are the outputs of the step
 * it *leaves* (you leave "record" once the key points are written down and validity judged).
 * Every open step has a service-level time; a complaint past its step's due time is overdue.
 */
import type { ComplaintStep } from "../enums.js";

/** Days allowed per open step (24-hour days from entering the step). Override per call if needed. */
export const COMPLAINT_SLA_DAYS: Readonly<Record<Exclude<ComplaintStep, "closed">, number>> = {
  listen: 1,
  record: 2,
  propose: 3,
  follow_up: 7,
};
export type ComplaintSla = Readonly<Record<Exclude<ComplaintStep, "closed">, number>>;

/** The complaint fields the workflow reads and writes. */
export interface ComplaintState {
  step: ComplaintStep;
  cause: string | null;
  valid: boolean | null;
  keyPoints: string | null;
  /** The workable solution proposed; for a complaint judged invalid, the explanation given. */
  solution: string | null;
  followUp: string | null;
  satisfaction: string | null;
}

/** What a caller may send with a transition (`explanation` is stored as the solution). */
export interface ComplaintStepFields {
  cause?: string | undefined;
  valid?: boolean | undefined;
  keyPoints?: string | undefined;
  explanation?: string | undefined;
  solution?: string | undefined;
  followUp?: string | undefined;
  satisfaction?: string | undefined;
}
export type ComplaintStepField = keyof ComplaintStepFields;

interface Transition {
  from: ComplaintStep;
  to: ComplaintStep;
  /** Fields that must be known to take this transition (see `advanceComplaint`). */
  requires: ComplaintStepField[];
  /** Fields that may be sent with it; anything else is refused, naming the field. */
  accepts: ComplaintStepField[];
  /** A condition on validity, when the transition depends on the judgement. */
  valid?: boolean;
}

/** Every allowed move. Anything not listed (skipping steps, reopening a closed one) is refused. */
export const COMPLAINT_TRANSITIONS: readonly Transition[] = [
  { from: "listen", to: "record", requires: [], accepts: ["cause"] },
  {
    from: "record",
    to: "propose",
    requires: ["keyPoints", "valid", "cause"],
    accepts: ["keyPoints", "valid", "cause"],
    valid: true,
  },
  {
    from: "record",
    to: "closed",
    requires: ["keyPoints", "valid", "explanation"],
    accepts: ["keyPoints", "valid", "cause", "explanation"],
    valid: false,
  },
  { from: "propose", to: "follow_up", requires: ["solution"], accepts: ["solution"] },
  {
    from: "follow_up",
    to: "closed",
    requires: ["followUp", "satisfaction"],
    accepts: ["followUp", "satisfaction"],
  },
  { from: "follow_up", to: "propose", requires: ["followUp"], accepts: ["followUp"] },
];

/** The steps a complaint may enter from `from`. */
export function nextComplaintSteps(from: ComplaintStep): ComplaintStep[] {
  return COMPLAINT_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** When a step entered at `enteredAt` is due; a closed complaint is due never (null). */
export function complaintStepDueAt(
  step: ComplaintStep,
  enteredAt: Date,
  sla: ComplaintSla = COMPLAINT_SLA_DAYS,
): Date | null {
  if (step === "closed") return null;
  return new Date(enteredAt.getTime() + sla[step] * 24 * 60 * 60 * 1000);
}

/** Open and past its step's due time at `asOf`. */
export function isComplaintOverdue(
  complaint: { step: ComplaintStep; stepDueAt: Date | null },
  asOf: Date,
): boolean {
  return (
    complaint.step !== "closed" &&
    complaint.stepDueAt !== null &&
    complaint.stepDueAt.getTime() < asOf.getTime()
  );
}

/** Company-side causes (ours to fix) versus customer-side ones (misuse, expectations). */
export function complaintCauseSide(cause: string | null): "company" | "customer" | null {
  if (cause === null) return null;
  return cause === "misuse" || cause === "expectation" ? "customer" : "company";
}

export type AdvanceResult =
  | {
      ok: true;
      /** The changed fields, ready to store (including the new step and its times). */
      changes: Partial<ComplaintState> & {
        step: ComplaintStep;
        stepEnteredAt: Date;
        stepDueAt: Date | null;
        closedAt: Date | null;
      };
    }
  | { ok: false; error: "invalid_transition"; from: ComplaintStep; to: ComplaintStep }
  | { ok: false; error: "field_not_for_step"; field: ComplaintStepField; message: string }
  | { ok: false; error: "missing_field"; field: ComplaintStepField; message: string }
  | { ok: false; error: "validity_mismatch"; field: "valid"; message: string };

const present = (value: unknown) =>
  value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");

/**
 * Moves a complaint to step `to` with the fields sent for it, at time `asOf`. Returns the
 * changes to store, or why the move is refused (never throws).
 */
export function advanceComplaint(
  state: ComplaintState,
  to: ComplaintStep,
  fields: ComplaintStepFields,
  asOf: Date,
  sla: ComplaintSla = COMPLAINT_SLA_DAYS,
): AdvanceResult {
  const transition = COMPLAINT_TRANSITIONS.find((t) => t.from === state.step && t.to === to);
  if (!transition) return { ok: false, error: "invalid_transition", from: state.step, to };

  for (const [field, value] of Object.entries(fields) as [ComplaintStepField, unknown][]) {
    if (value !== undefined && !transition.accepts.includes(field)) {
      return {
        ok: false,
        error: "field_not_for_step",
        field,
        message: `${field} is not recorded when moving from ${state.step} to ${to}`,
      };
    }
  }

  // The judgement (cause, validity, key points) may have been stored earlier; the outputs of a
  // pass through propose and follow-up must be sent with the move itself, so a second pass after
  // an unsatisfying solution cannot reuse the first pass's solution or note.
  const known: Record<ComplaintStepField, unknown> = {
    cause: fields.cause ?? state.cause,
    valid: fields.valid ?? state.valid,
    keyPoints: fields.keyPoints ?? state.keyPoints,
    explanation: fields.explanation,
    solution: fields.solution,
    followUp: fields.followUp,
    satisfaction: fields.satisfaction,
  };
  for (const field of transition.requires) {
    if (!present(known[field])) {
      return {
        ok: false,
        error: "missing_field",
        field,
        message: `${field} is required to move from ${state.step} to ${to}`,
      };
    }
  }
  if (transition.valid !== undefined && known.valid !== transition.valid) {
    return {
      ok: false,
      error: "validity_mismatch",
      field: "valid",
      message: transition.valid
        ? "Only a complaint judged valid moves on to a solution; close an invalid one with an explanation"
        : "A complaint judged valid needs a solution; only an invalid one closes from record",
    };
  }

  const changes: Extract<AdvanceResult, { ok: true }>["changes"] = {
    step: to,
    stepEnteredAt: asOf,
    stepDueAt: complaintStepDueAt(to, asOf, sla),
    closedAt: to === "closed" ? asOf : null,
  };
  if (fields.cause !== undefined) changes.cause = fields.cause;
  if (fields.valid !== undefined) changes.valid = fields.valid;
  if (fields.keyPoints !== undefined) changes.keyPoints = fields.keyPoints;
  if (fields.explanation !== undefined) changes.solution = fields.explanation;
  if (fields.solution !== undefined) changes.solution = fields.solution;
  if (fields.followUp !== undefined) changes.followUp = fields.followUp;
  if (fields.satisfaction !== undefined) changes.satisfaction = fields.satisfaction;
  return { ok: true, changes };
}
