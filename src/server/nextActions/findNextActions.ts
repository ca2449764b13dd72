/**
 * Next best action for one customer (SPEC §2, §3, §5, §10): gathers the open needs, delivery
 * suggestions, due interaction goals, open complaints and the open proposal, and ranks them
 * with the pure rules of `shared/ladder/nextActions`.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../db/client.js";
import { customers } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import type { NeedKind, NeedLevel, Stage } from "../../shared/enums.js";
import { suggestDeliveries } from "../../shared/engine/deliverySuggestions.js";
import { dueGoals } from "../../shared/engine/interactionPlans.js";
import {
  GOAL_HORIZON_DAYS,
  rankNextActions,
  type NextAction,
} from "../../shared/ladder/nextActions.js";
import { classifyMove, isUpward } from "../../shared/ladder/stages.js";
import { NotFound } from "../http/errors.js";
import {
  findOpenProposalMove,
  listActivePlans,
  listActiveValueItems,
  listDeliveryHistory,
  listOpenComplaints,
  listOpenNeeds,
} from "./nextActions.repository.js";

const GoalSchema = z.object({
  text: z.string(),
  due: z.iso.date(),
  met: z.boolean().default(false),
});
const DAY_MS = 86_400_000;

/** Goals as stored (jsonb); malformed entries are skipped rather than failing the whole list. */
function parseGoals(value: unknown) {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g) => {
    const parsed = GoalSchema.safeParse(g);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface CustomerStage {
  id: number;
  stage: Stage;
  stageSince: Date;
}

/** Everything the ranking reads about one customer, fetched together. */
export async function loadActionInputs(db: Queryable, customerId: number) {
  const [openNeeds, catalogue, history, plans, complaints, proposal] = await Promise.all([
    listOpenNeeds(db, customerId),
    listActiveValueItems(db),
    listDeliveryHistory(db, customerId),
    listActivePlans(db, customerId),
    listOpenComplaints(db, customerId),
    findOpenProposalMove(db, customerId),
  ]);
  return { openNeeds, catalogue, history, plans, complaints, proposal };
}
export type ActionInputs = Awaited<ReturnType<typeof loadActionInputs>>;

/** Ranks the actions for a customer from its loaded inputs. */
export function rankActionsFor(
  customer: CustomerStage,
  inputs: ActionInputs,
  asOf: Date,
): NextAction[] {
  const { openNeeds, catalogue, history, plans, complaints, proposal } = inputs;
  const byId = new Map(catalogue.map((item) => [item.id, item]));
  const suggestions = suggestDeliveries({
    stage: customer.stage,
    needs: openNeeds.map((n) => ({
      id: n.id,
      level: n.level as NeedLevel,
      kind: n.kind,
      title: n.title,
    })),
    items: catalogue,
    history: history.map((h) => ({
      valueItemId: h.valueItemId,
      status: h.status as "planned" | "delivered" | "evaluated" | "cancelled",
      outcome: h.outcome as "accepted" | "partly" | "rejected" | null,
      at: h.at,
    })),
    asOf,
  }).map((s) => ({
    valueItemId: s.valueItemId,
    title: byId.get(s.valueItemId)?.title ?? `#${s.valueItemId}`,
    score: s.score,
    needLevel: s.needLevel,
    reason: s.reasons.map((r) => r.message).join("; "),
  }));

  const today = asOf.toISOString().slice(0, 10);
  const goals = plans.flatMap((plan) =>
    dueGoals(parseGoals(plan.goals), today, GOAL_HORIZON_DAYS).map((g) => ({
      planId: plan.id,
      planName: plan.name,
      text: g.text,
      due: new Date(`${g.due}T00:00:00Z`),
    })),
  );
  const planContacts = plans.flatMap((plan) => {
    if (!plan.frequencyDays) return [];
    const from =
      plan.lastContactAt ??
      (plan.startsOn ? new Date(`${plan.startsOn}T00:00:00Z`) : plan.createdAt);
    return [
      {
        planId: plan.id,
        planName: plan.name,
        dueAt: new Date(from.getTime() + plan.frequencyDays * DAY_MS),
      },
    ];
  });

  const move = proposal ? classifyMove(proposal.from as Stage, proposal.to as Stage) : null;
  return rankNextActions(
    {
      customerId: customer.id,
      stage: customer.stage,
      stageSince: customer.stageSince,
      openNeeds: openNeeds.map((n) => ({
        ...n,
        level: n.level as NeedLevel,
        kind: n.kind as NeedKind,
      })),
      suggestions,
      goals,
      planContacts,
      openComplaints: complaints,
      openProposal: proposal
        ? {
            id: proposal.id,
            from: proposal.from as Stage,
            to: proposal.to as Stage,
            rule: proposal.rule,
            direction: move !== null && isUpward(move) ? "up" : "down",
          }
        : null,
    },
    asOf,
  );
}

export function presentNextActions(actions: readonly NextAction[]) {
  return actions.map((a) => ({ ...a, dueAt: a.dueAt ? a.dueAt.toISOString() : null }));
}

export async function findNextActions({
  db,
  actor,
  customerId,
  asOf,
}: {
  db: Queryable;
  actor: Actor;
  customerId: number;
  asOf: Date;
}) {
  const [customer] = await db
    .select({ id: customers.id, stage: customers.stage, stageSince: customers.stageSince })
    .from(customers)
    .where(and(eq(customers.id, customerId), readableCustomers(actor)));
  if (!customer) throw NotFound("Customer", customerId);
  const inputs = await loadActionInputs(db, customerId);
  const actions = rankActionsFor({ ...customer, stage: customer.stage as Stage }, inputs, asOf);
  return { customerId, asOf: asOf.toISOString(), items: presentNextActions(actions) };
}
