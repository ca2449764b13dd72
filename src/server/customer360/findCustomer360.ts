/**
 * The customer 360 view in one request: the customer (graded), contacts, stage history, needs,
 * the value spiral (deliveries by round), the latest interactions, complaints, bonds, latest
 * scores, the six upgrade conditions, next best actions and the open proposal. Confidential
 * fields shown are audited as on the customer and contact endpoints.
 *
 * Three reads after the readability check: the customer, every list in one statement, and the
 * ladder evidence (both named statements, planned once per connection). They are issued
 * together: a PostgreSQL pool answers them side by side, the embedded database's one connection
 * takes them in turn. None runs in a transaction, so no client is held across them.
 */
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import type { NeedLevel, Stage } from "../../shared/enums.js";
import { isUnmetNeed } from "../../shared/engine/needs.js";
import { recordAudit } from "../audit/recordAudit.js";
import { NotFound } from "../http/errors.js";
import { findCustomer } from "../customers/customers.repository.js";
import { presentCustomer } from "../customers/customers.presenter.js";
import { presentContact } from "../contacts/contacts.presenter.js";
import { presentStageHistory } from "../ladder/ladder.presenter.js";
import { loadCustomerEvidence, presentUpgradeConditions } from "../ladder/findUpgradeConditions.js";
import {
  presentNextActions,
  rankActionsFor,
  type ActionInputs,
} from "../nextActions/findNextActions.js";
import { presentProposal } from "../proposals/proposals.presenter.js";
import { loadCustomer360Parts, type DeliveryPart } from "./customer360.repository.js";

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
  const [parts, evidence] = await Promise.all([
    loadCustomer360Parts(db, customerId),
    loadCustomerEvidence(db, customerId, asOf),
  ]);

  const { customer, confidentialShown } = presentCustomer(row, actor, grades);
  const contacts = parts.contacts.map((c) => presentContact(c, actor, grades));
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

  // Next actions from the same lists (unmet needs and open complaints sort first in theirs, so
  // the lists' limits never cut them).
  const inputs: ActionInputs = {
    openNeeds: parts.needs
      .filter((n) => isUnmetNeed(n.status))
      .map(({ id, title, level, kind, createdAt }) => ({ id, title, level, kind, createdAt })),
    catalogue: parts.catalogue,
    history: parts.deliveries
      .filter((d) => d.valueItemId !== null)
      .map((d) => ({
        valueItemId: d.valueItemId!,
        status: d.status,
        outcome: d.outcome,
        at: d.touchedAt,
      })),
    plans: parts.plans,
    complaints: parts.complaints
      .filter((k) => k.step !== "closed")
      .map(({ id, title, step, stepDueAt }) => ({ id, title, step, stepDueAt })),
    proposal: parts.proposal
      ? {
          id: parts.proposal.id,
          from: parts.proposal.fromStage,
          to: parts.proposal.toStage,
          rule: parts.proposal.rule,
        }
      : null,
  };

  const rounds = new Map<number, ReturnType<typeof presentDelivery>[]>();
  for (const d of parts.deliveries) {
    const list = rounds.get(d.round) ?? [];
    list.push(presentDelivery(d));
    rounds.set(d.round, list);
  }

  return {
    customer,
    contacts: contacts.map((c) => c.contact),
    stageHistory: presentStageHistory(row, parts.events, asOf),
    needs: parts.needs.map((n) => ({
      ...n,
      level: n.level as NeedLevel,
      createdAt: n.createdAt.toISOString(),
      metAt: iso(n.metAt),
    })),
    deliveryRounds: [...rounds].map(([round, list]) => ({ round, deliveries: list })),
    interactions: parts.interactions.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })),
    complaints: parts.complaints.map((k) => ({
      ...k,
      receivedAt: k.receivedAt.toISOString(),
      stepDueAt: iso(k.stepDueAt),
      closedAt: iso(k.closedAt),
      overdue: k.step !== "closed" && k.stepDueAt !== null && k.stepDueAt < asOf,
    })),
    bonds: parts.bonds,
    scores: parts.scores ? { ...parts.scores, asOf: parts.scores.asOf.toISOString() } : null,
    upgradeConditions: presentUpgradeConditions(evidence, asOf, actor, grades),
    nextActions: presentNextActions(
      rankActionsFor(
        { id: row.id, stage: row.stage as Stage, stageSince: row.stageSince },
        inputs,
        asOf,
      ),
    ),
    openProposal: parts.proposal ? presentProposal(parts.proposal, actor, grades) : null,
    asOf: asOf.toISOString(),
  };
}

function presentDelivery({ touchedAt: _touched, ...d }: DeliveryPart) {
  return { ...d, plannedFor: iso(d.plannedFor), deliveredAt: iso(d.deliveredAt) };
}
