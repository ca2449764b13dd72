/** Shapes proposals for the API: ISO times, the move's direction, evidence the reader may see. */
import type { Stage } from "../../shared/enums.js";
import type { EvidenceItem } from "../../shared/ladder/evidence.js";
import type { ProposalRule } from "../../shared/ladder/proposalRules.js";
import { classifyMove, isUpward } from "../../shared/ladder/stages.js";
import type { Proposal } from "../../shared/schemas/ladder.js";
import type { Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import { visibleEvidence } from "../ladder/ladder.presenter.js";
import type { ProposalRow } from "./proposals.repository.js";

export function presentProposal(row: ProposalRow, actor: Actor, grades: FieldGrades): Proposal {
  const from = row.fromStage as Stage;
  const to = row.toStage as Stage;
  const kind = classifyMove(from, to);
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: row.customerName,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    from,
    to,
    direction: kind !== null && isUpward(kind) ? "up" : "down",
    rule: row.rule as ProposalRule,
    evidence: visibleEvidence(row.evidence as EvidenceItem[], actor, grades),
    status: row.status as Proposal["status"],
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    decisionNote: row.decisionNote,
  };
}
