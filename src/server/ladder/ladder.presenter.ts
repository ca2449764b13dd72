/** Shapes ladder answers: ISO times, time in each stage, and evidence the reader's grade allows. */
import { GRADES, type Grade, type Stage } from "../../shared/enums.js";
import type { EvidenceItem } from "../../shared/ladder/evidence.js";
import type { MissingItem } from "../../shared/ladder/upgradeConditions.js";
import { dueAt, isOverdue, timeInStage } from "../../shared/ladder/stages.js";
import { daysBetween } from "../../shared/ladder/time.js";
import { ROLE_GRADE, type Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import type { StageEventRow } from "./ladder.repository.js";

const rank = (grade: Grade) => GRADES.indexOf(grade);

/**
 * Evidence without the items that reveal a customer field above the reader's grade. Evidence
 * travels in lists and proposals, so, like list rows, it never carries confidential fields.
 */
export function visibleEvidence(
  items: readonly EvidenceItem[],
  actor: Actor,
  grades: FieldGrades,
): Omit<EvidenceItem, "field">[] {
  const allowed = Math.min(rank(ROLE_GRADE[actor.role]), rank("internal"));
  return items
    .filter((i) => !i.field || rank(grades.gradeOf("customer", i.field)) <= allowed)
    .map(({ field: _field, ...rest }) => rest);
}

/** What an upgrade condition lacks, with details above the reader's grade put in general terms. */
export function visibleMissing(
  items: readonly MissingItem[],
  actor: Actor,
  grades: FieldGrades,
): string[] {
  const allowed = Math.min(rank(ROLE_GRADE[actor.role]), rank("internal"));
  return items.map((i) =>
    !i.field || rank(grades.gradeOf("customer", i.field)) <= allowed
      ? i.text
      : "a recorded detail your role may not see falls short",
  );
}

export function presentStageHistory(
  customer: { id: number; stage: string; stageSince: Date },
  events: readonly StageEventRow[],
  asOf: Date,
) {
  const stage = customer.stage as Stage;
  const daysByStage: Partial<Record<Stage, number>> = {};
  const presented = events.map((e, i) => {
    const end = events[i + 1]?.at ?? asOf;
    const days = daysBetween(e.at, end);
    daysByStage[e.to] = (daysByStage[e.to] ?? 0) + days;
    return {
      id: e.id,
      from: e.from,
      to: e.to,
      reason: e.reason,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      proposalId: e.proposalId,
      days,
    };
  });
  const due = dueAt(stage, customer.stageSince);
  return {
    customerId: customer.id,
    stage,
    stageSince: customer.stageSince.toISOString(),
    timeInStage: timeInStage(customer.stageSince, asOf),
    overdue: isOverdue(stage, customer.stageSince, asOf),
    dueAt: due ? due.toISOString() : null,
    events: presented,
    daysByStage,
  };
}
