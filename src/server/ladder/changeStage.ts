/**
 * Moves a customer to another stage (SPEC §2): the one way a stage ever changes. The customer
 * is locked (and version-checked when the client sends the version it read), the move must be
 * allowed by the ladder, and the change, its stage event (who, when, why) and the audit row
 * commit together in the caller's transaction.
 */
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { customers, proposals, stageEvents } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import type { Stage } from "../../shared/enums.js";
import { classifyMove } from "../../shared/ladder/stages.js";
import type { StageChangeResult } from "../../shared/schemas/ladder.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { recordAudit } from "../audit/recordAudit.js";
import { Conflict, InvalidStageTransition } from "../http/errors.js";

export interface ChangeStageProps {
  tx: Tx;
  actor: Actor;
  customerId: number;
  to: Stage;
  reason: string;
  /** The customer version the client read; omitted, the move only needs to be allowed. */
  version?: number | undefined;
  /** The proposal being accepted, when the move comes from one. */
  proposalId?: number | undefined;
  requestId?: string | undefined;
}

/** The stage a customer in problem fell from: the latest move into problem. */
export async function stageFellFrom(tx: Tx, customerId: number): Promise<Stage | null> {
  const [row] = await tx
    .select({ from: stageEvents.fromStage })
    .from(stageEvents)
    .where(and(eq(stageEvents.customerId, customerId), eq(stageEvents.toStage, "problem")))
    .orderBy(desc(stageEvents.at), desc(stageEvents.id))
    .limit(1);
  return (row?.from as Stage | null | undefined) ?? null;
}

export async function changeStage({
  tx,
  actor,
  customerId,
  to,
  reason,
  version,
  proposalId,
  requestId,
}: ChangeStageProps): Promise<StageChangeResult> {
  const before = await lockCustomerForChange(tx, actor, customerId, version);
  if (before.archivedAt) throw Conflict("An archived customer keeps its stage; restore it first");
  const from = before.stage as Stage;
  const fellFrom = from === "problem" ? await stageFellFrom(tx, customerId) : null;
  if (classifyMove(from, to, { fellFrom }) === null) throw InvalidStageTransition(from, to);

  const [updated] = await tx
    .update(customers)
    .set({
      stage: to,
      stageSince: sql`now()`,
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.id,
    })
    .where(eq(customers.id, customerId))
    .returning({ version: customers.version, stageSince: customers.stageSince });
  const [event] = await tx
    .insert(stageEvents)
    .values({
      customerId,
      fromStage: from,
      toStage: to,
      reason,
      actorId: actor.id,
      proposalId: proposalId ?? null,
      at: sql`now()`,
    })
    .returning({ id: stageEvents.id, at: stageEvents.at });

  // An open proposal was made for the stage the customer has just left: it no longer applies.
  await tx
    .update(proposals)
    .set({ status: "stale", decidedAt: sql`now()` })
    .where(
      and(
        eq(proposals.customerId, customerId),
        eq(proposals.status, "open"),
        proposalId === undefined ? undefined : ne(proposals.id, proposalId),
      ),
    );
  await recordAudit(tx, {
    actor,
    action: "change_stage",
    entity: "customer",
    entityId: customerId,
    customerId,
    before: { stage: from },
    after: { stage: to, reason, ...(proposalId === undefined ? {} : { proposalId }) },
    requestId: requestId ?? null,
  });
  return {
    eventId: event!.id,
    customerId,
    from,
    to,
    reason,
    at: event!.at.toISOString(),
    version: updated!.version,
  };
}
