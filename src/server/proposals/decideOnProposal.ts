/**
 * A person's answer to a proposal: accepting moves the customer through `changeStage` (with the
 * proposal's evidence as the reason), rejecting records why. Either way the customer is locked
 * first, then the proposal — the order every stage change takes — so concurrent decisions and
 * stage changes cannot deadlock, and only one of two racing decisions wins.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import { proposals } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { requireWriter } from "../auth/access.js";
import type { Stage } from "../../shared/enums.js";
import type { EvidenceItem } from "../../shared/ladder/evidence.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { recordAudit } from "../audit/recordAudit.js";
import { Conflict, NotFound } from "../http/errors.js";
import { changeStage } from "../ladder/changeStage.js";
import { findProposal } from "./proposals.repository.js";

/** Locks the proposal's customer (writable by the actor) and then the proposal, which must be open. */
async function lockOpenProposal(tx: Tx, actor: Actor, id: number) {
  requireWriter(actor);
  const found = await findProposal(tx, actor, id);
  if (!found) throw NotFound("Proposal", id);
  const customer = await lockCustomerForChange(tx, actor, found.customerId);
  const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, id)).for("update");
  if (!proposal) throw NotFound("Proposal", id);
  if (proposal.status !== "open") {
    throw Conflict(`This proposal is already ${proposal.status}`, { status: proposal.status });
  }
  return { proposal, customer };
}

/**
 * The stage event's reason: the rule and its evidence in words. Items revealing a graded field
 * stay out — the stage history is read by roles that may not see them.
 */
function reasonOf(id: number, rule: string, evidence: EvidenceItem[], note?: string) {
  const said = evidence.filter((i) => !i.field).map((i) => i.text);
  return `Accepted proposal #${id} (${rule})${said.length ? `: ${said.join("; ")}` : ""}${note ? ` — ${note}` : ""}`;
}

export async function acceptProposal({
  db,
  actor,
  proposalId,
  note,
  requestId,
}: {
  db: Db;
  actor: Actor;
  proposalId: number;
  note?: string | undefined;
  requestId?: string | undefined;
}) {
  const outcome = await db.transaction(async (tx) => {
    const { proposal, customer } = await lockOpenProposal(tx, actor, proposalId);
    if (customer.stage !== proposal.fromStage) {
      // Made for a stage the customer has since left: it no longer applies. Keep that, then say so.
      await tx
        .update(proposals)
        .set({ status: "stale", decidedAt: sql`now()` })
        .where(eq(proposals.id, proposalId));
      return { stale: true as const, stage: customer.stage };
    }
    const change = await changeStage({
      tx,
      actor,
      customerId: proposal.customerId,
      to: proposal.toStage as Stage,
      reason: reasonOf(proposal.id, proposal.rule, proposal.evidence as EvidenceItem[], note),
      proposalId,
      requestId,
    });
    await tx
      .update(proposals)
      .set({
        status: "accepted",
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        decisionNote: note ?? null,
      })
      .where(and(eq(proposals.id, proposalId), eq(proposals.status, "open")));
    await recordAudit(tx, {
      actor,
      action: "accept_proposal",
      entity: "proposal",
      entityId: proposalId,
      customerId: proposal.customerId,
      after: {
        status: "accepted",
        from: proposal.fromStage,
        to: proposal.toStage,
        note: note ?? null,
      },
      requestId: requestId ?? null,
    });
    return { stale: false as const, change };
  });
  if (outcome.stale) {
    throw Conflict(
      `The customer has moved to ${outcome.stage} since this proposal was made; it is now stale`,
      { status: "stale" },
    );
  }
  return outcome.change;
}

export async function rejectProposal({
  db,
  actor,
  proposalId,
  note,
  requestId,
}: {
  db: Db;
  actor: Actor;
  proposalId: number;
  note: string;
  requestId?: string | undefined;
}) {
  await db.transaction(async (tx) => {
    const { proposal } = await lockOpenProposal(tx, actor, proposalId);
    await tx
      .update(proposals)
      .set({ status: "rejected", decidedBy: actor.id, decidedAt: sql`now()`, decisionNote: note })
      .where(eq(proposals.id, proposalId));
    await recordAudit(tx, {
      actor,
      action: "reject_proposal",
      entity: "proposal",
      entityId: proposalId,
      customerId: proposal.customerId,
      after: { status: "rejected", from: proposal.fromStage, to: proposal.toStage, note },
      requestId: requestId ?? null,
    });
  });
}
