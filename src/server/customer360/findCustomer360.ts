/**
 * The customer 360 view in one request: the customer (graded), contacts, stage history, needs,
 * the value spiral (deliveries by round), the latest interactions, complaints, bonds, latest
 * scores, the six upgrade conditions, next best actions and the open proposal. Confidential
 * fields shown are audited as on the customer and contact endpoints.
 *
 * After one readability check the parts are independent reads: they are issued together, so a
 * PostgreSQL pool answers them side by side, while the embedded database's one connection simply
 * takes them in turn. None runs in a transaction, so no client is ever held across them.
 */
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import type { Stage } from "../../shared/enums.js";
import { recordAudit } from "../audit/recordAudit.js";
import { NotFound } from "../http/errors.js";
import { findCustomer } from "../customers/customers.repository.js";
import { presentCustomer } from "../customers/customers.presenter.js";
import { presentContact } from "../contacts/contacts.presenter.js";
import { listStageEvents } from "../ladder/ladder.repository.js";
import { presentStageHistory } from "../ladder/ladder.presenter.js";
import { loadCustomerEvidence, presentUpgradeConditions } from "../ladder/findUpgradeConditions.js";
import {
  presentNextActions,
  rankActionsFor,
  type ActionInputs,
} from "../nextActions/findNextActions.js";
import {
  listActivePlans,
  listActiveValueItems,
  listDeliveryHistory,
} from "../nextActions/nextActions.repository.js";
import { isUnmetNeed } from "../../shared/engine/needs.js";
import { findOpenProposal } from "../proposals/proposals.repository.js";
import { presentProposal } from "../proposals/proposals.presenter.js";
import {
  findLatestScores,
  listBondsOf,
  listComplaintsOf,
  listContactsOf,
  listDeliveriesOf,
  listLatestInteractionsOf,
  listNeedsOf,
} from "./customer360.repository.js";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function findCustomer360({
  db,
  actor,
  grades,
  customerId,
  asOf,
  requestId,
}: {
  db: Db;
  actor: Actor;
  grades: FieldGrades;
  customerId: number;
  asOf: Date;
  requestId?: string | undefined;
}) {
  const row = await findCustomer(db, actor, customerId);
  if (!row) throw NotFound("Customer", customerId);

  const [
    contactRows,
    events,
    needs,
    deliveries,
    interactions,
    complaints,
    bonds,
    scores,
    evidence,
    catalogue,
    history,
    plans,
    proposal,
  ] = await Promise.all([
    listContactsOf(db, customerId),
    listStageEvents(db, customerId),
    listNeedsOf(db, customerId),
    listDeliveriesOf(db, customerId),
    listLatestInteractionsOf(db, customerId),
    listComplaintsOf(db, customerId),
    listBondsOf(db, customerId),
    findLatestScores(db, customerId),
    loadCustomerEvidence(db, customerId, asOf),
    listActiveValueItems(db),
    listDeliveryHistory(db, customerId),
    listActivePlans(db, customerId),
    findOpenProposal(db, actor, customerId),
  ]);
  // Next actions from what is loaded already (unmet needs and open complaints come first in
  // their lists, so the lists' limits never cut them).
  const inputs: ActionInputs = {
    openNeeds: needs
      .filter((n) => isUnmetNeed(n.status))
      .map(({ id, title, level, kind, createdAt }) => ({ id, title, level, kind, createdAt })),
    catalogue,
    history,
    plans,
    complaints: complaints
      .filter((k) => k.step !== "closed")
      .map(({ id, title, step, stepDueAt }) => ({ id, title, step, stepDueAt })),
    proposal: proposal
      ? { id: proposal.id, from: proposal.fromStage, to: proposal.toStage, rule: proposal.rule }
      : null,
  };

  const { customer, confidentialShown } = presentCustomer(row, actor, grades);
  const contacts = contactRows.map((c) => presentContact(c, actor, grades));
  if (confidentialShown) {
    await recordAudit(db, {
      actor,
      action: "read_confidential",
      entity: "customer",
      entityId: customerId,
      customerId,
      requestId: requestId ?? null,
    });
  }
  if (contacts.some((c) => c.confidentialShown)) {
    await recordAudit(db, {
      actor,
      action: "read_confidential",
      entity: "contact",
      entityId: null,
      customerId,
      requestId: requestId ?? null,
    });
  }

  const rounds = new Map<number, ReturnType<typeof presentDelivery>[]>();
  for (const d of deliveries) {
    const list = rounds.get(d.round) ?? [];
    list.push(presentDelivery(d));
    rounds.set(d.round, list);
  }

  return {
    customer,
    contacts: contacts.map((c) => c.contact),
    stageHistory: presentStageHistory(row, events, asOf),
    needs: needs.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), metAt: iso(n.metAt) })),
    deliveryRounds: [...rounds].map(([round, list]) => ({ round, deliveries: list })),
    interactions: interactions.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })),
    complaints: complaints.map((k) => ({
      ...k,
      receivedAt: k.receivedAt.toISOString(),
      stepDueAt: iso(k.stepDueAt),
      closedAt: iso(k.closedAt),
      overdue: k.step !== "closed" && k.stepDueAt !== null && k.stepDueAt < asOf,
    })),
    bonds,
    scores: scores ? { ...scores, asOf: scores.asOf.toISOString() } : null,
    upgradeConditions: presentUpgradeConditions(evidence, asOf, actor, grades),
    nextActions: presentNextActions(
      rankActionsFor(
        { id: row.id, stage: row.stage as Stage, stageSince: row.stageSince },
        inputs,
        asOf,
      ),
    ),
    openProposal: proposal ? presentProposal(proposal, actor, grades) : null,
    asOf: asOf.toISOString(),
  };
}

function presentDelivery(d: Awaited<ReturnType<typeof listDeliveriesOf>>[number]) {
  return { ...d, plannedFor: iso(d.plannedFor), deliveredAt: iso(d.deliveredAt) };
}
