/**
 * Next best action for one customer: one ranked list combining unresolved complaints, open
 * core needs, an open proposal, an overdue stage (with the playbook's advice), due interaction
 * goals and suggested value deliveries, each with its reason and what to open.
 *
 * Priorities (0–100): complaints past due 95, open core needs 90, proposed downgrade 85,
 * overdue stage 80, open complaint 75, overdue interaction goal 70, proposed upgrade 65,
 * interaction goal due soon or a plan's contact due 55; a delivery answering a core need 60,
 * others 40–58 by their score (the ranking itself is the value-delivery suggestions').
 * Ties keep that order, then the oldest first.
 */
import type { NeedKind, NeedLevel, Stage } from "../enums.js";
import { dueAt, isOverdue, PLAYBOOK, timeInStage } from "./stages.js";

export const NEXT_ACTION_KINDS = [
  "complaint",
  "core_need",
  "proposal",
  "overdue_stage",
  "interaction",
  "delivery",
] as const;
export type NextActionKind = (typeof NEXT_ACTION_KINDS)[number];

export const NEXT_ACTION_TARGETS = [
  "complaint",
  "need",
  "proposal",
  "customer",
  "interaction_plan",
  "value_item",
] as const;
export type NextActionTargetType = (typeof NEXT_ACTION_TARGETS)[number];

export interface NextAction {
  kind: NextActionKind;
  priority: number;
  title: string;
  reason: string;
  /** What to open or act on. */
  target: { type: NextActionTargetType; id: number };
  dueAt: Date | null;
}

export interface OpenNeed {
  id: number;
  title: string;
  level: NeedLevel;
  kind: NeedKind;
  createdAt: Date;
}

/** A ranked catalogue item to deliver next (the value-delivery suggestions, best first). */
export interface SuggestedDelivery {
  valueItemId: number;
  title: string;
  score: number;
  /** The level of the most important need it answers, if any. */
  needLevel: NeedLevel | null;
  reason: string;
}

/** How far ahead an interaction goal counts as due. */
export const GOAL_HORIZON_DAYS = 14;
/** How many delivery suggestions make the list. */
export const MAX_SUGGESTIONS = 3;

export interface NextActionInput {
  customerId: number;
  stage: Stage;
  stageSince: Date;
  openNeeds: readonly OpenNeed[];
  /** Delivery suggestions for the customer, best first. */
  suggestions: readonly SuggestedDelivery[];
  /** Unmet goals of the customer's active interaction plans. */
  goals: readonly { planId: number; planName: string; text: string; due: Date | null }[];
  /** Active plans with a contact frequency, and when the next contact falls due. */
  planContacts: readonly { planId: number; planName: string; dueAt: Date }[];
  openComplaints: readonly { id: number; title: string; step: string; stepDueAt: Date | null }[];
  openProposal: {
    id: number;
    from: Stage;
    to: Stage;
    rule: string;
    direction: "up" | "down";
  } | null;
}

export function rankNextActions(input: NextActionInput, asOf: Date): NextAction[] {
  const actions: (NextAction & { order: number })[] = [];
  const push = (action: NextAction) => actions.push({ ...action, order: actions.length });

  const complaints = [...input.openComplaints].sort(
    (a, b) => (a.stepDueAt?.getTime() ?? Infinity) - (b.stepDueAt?.getTime() ?? Infinity),
  );
  for (const c of complaints) {
    const overdue = c.stepDueAt !== null && c.stepDueAt < asOf;
    push({
      kind: "complaint",
      priority: overdue ? 95 : 75,
      title: c.title,
      reason: overdue
        ? `complaint overdue in step "${c.step}" since ${c.stepDueAt!.toISOString().slice(0, 10)}`
        : `open complaint in step "${c.step}"`,
      target: { type: "complaint", id: c.id },
      dueAt: c.stepDueAt,
    });
  }

  const coreNeeds = input.openNeeds
    .filter((n) => n.level === "core")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const n of coreNeeds) {
    push({
      kind: "core_need",
      priority: 90,
      title: n.title,
      reason: `open core ${n.kind} need: core needs must be met in full, and no upgrade is proposed until they are`,
      target: { type: "need", id: n.id },
      dueAt: null,
    });
  }

  const p = input.openProposal;
  if (p) {
    push({
      kind: "proposal",
      priority: p.direction === "down" ? 85 : 65,
      title: `${p.from} → ${p.to}`,
      reason: `proposed by rule ${p.rule}: accept or reject it`,
      target: { type: "proposal", id: p.id },
      dueAt: null,
    });
  }

  if (isOverdue(input.stage, input.stageSince, asOf)) {
    const months = timeInStage(input.stageSince, asOf).months;
    push({
      kind: "overdue_stage",
      priority: 80,
      title: `${months} months in ${input.stage}`,
      reason: `past the typical time in ${input.stage}. ${PLAYBOOK[input.stage].advice}`,
      target: { type: "customer", id: input.customerId },
      dueAt: dueAt(input.stage, input.stageSince),
    });
  }

  const horizon = asOf.getTime() + GOAL_HORIZON_DAYS * 86_400_000;
  for (const g of [...input.goals].sort(
    (a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity),
  )) {
    if (!g.due || g.due.getTime() > horizon) continue;
    const overdue = g.due < asOf;
    push({
      kind: "interaction",
      priority: overdue ? 70 : 55,
      title: g.text,
      reason: `${overdue ? "overdue" : "due"} goal of interaction plan "${g.planName}"`,
      target: { type: "interaction_plan", id: g.planId },
      dueAt: g.due,
    });
  }
  for (const c of input.planContacts) {
    if (c.dueAt.getTime() > asOf.getTime()) continue;
    push({
      kind: "interaction",
      priority: 55,
      title: `contact due: ${c.planName}`,
      reason: `the plan's contact frequency says the next contact was due ${c.dueAt.toISOString().slice(0, 10)}`,
      target: { type: "interaction_plan", id: c.planId },
      dueAt: c.dueAt,
    });
  }

  for (const s of input.suggestions.slice(0, MAX_SUGGESTIONS)) {
    push({
      kind: "delivery",
      priority: s.needLevel === "core" ? 60 : Math.min(58, 40 + 2 * s.score),
      title: s.title,
      reason: s.reason,
      target: { type: "value_item", id: s.valueItemId },
      dueAt: null,
    });
  }

  return actions
    .sort((a, b) => b.priority - a.priority || a.order - b.order)
    .map(({ order: _order, ...action }) => action);
}
