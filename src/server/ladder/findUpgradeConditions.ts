/** The six upgrade conditions of one customer, judged on its evidence (SPEC §2). */
import type { Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import { decideProposal } from "../../shared/ladder/proposalRules.js";
import { assessUpgrade, UPGRADE_CONDITION_TEXT } from "../../shared/ladder/upgradeConditions.js";
import type { CustomerEvidence } from "../../shared/ladder/evidence.js";
import { NotFound } from "../http/errors.js";
import { loadEvidence } from "./evidence.repository.js";
import { visibleEvidence, visibleMissing } from "./ladder.presenter.js";

export async function loadCustomerEvidence(
  db: Queryable,
  customerId: number,
  asOf: Date,
): Promise<CustomerEvidence> {
  const [evidence] = await loadEvidence(db, { kind: "one", id: customerId }, asOf);
  if (!evidence) throw NotFound("Customer", customerId);
  return evidence;
}

/** The conditions as the API shows them to `actor`, from evidence already loaded. */
export function presentUpgradeConditions(
  evidence: CustomerEvidence,
  asOf: Date,
  actor: Actor,
  grades: FieldGrades,
) {
  const assessment = assessUpgrade(evidence, asOf);
  const { heldBack } = decideProposal(evidence, asOf);
  return {
    customerId: evidence.customerId,
    stage: assessment.stage,
    nextStage: assessment.nextStage,
    allHold: assessment.allHold,
    conditions: assessment.conditions.map((c) => ({
      key: c.key,
      description: UPGRADE_CONDITION_TEXT[c.key],
      holds: c.holds,
      found: visibleEvidence(c.found, actor, grades),
      missing: visibleMissing(c.missing, actor, grades),
    })),
    heldBack: heldBack ? { rule: heldBack.rule, to: heldBack.to } : null,
    asOf: asOf.toISOString(),
  };
}

/** Loads one customer's evidence and judges the six conditions on it. */
export async function findUpgradeConditions({
  db,
  actor,
  grades,
  customerId,
  asOf,
}: {
  db: Queryable;
  actor: Actor;
  grades: FieldGrades;
  customerId: number;
  asOf: Date;
}) {
  const evidence = await loadCustomerEvidence(db, customerId, asOf);
  return presentUpgradeConditions(evidence, asOf, actor, grades);
}
