/**
 * The relationship ladder of SPEC §2: the eight stages, which moves between them are allowed,
 * the typical dwell time in each, and the playbook (what to do, which value to convey).
 * Pure: no I/O, no clock — every time-dependent answer takes `asOf`.
 */
import { NEED_LEVELS, STAGES, VALUE_KINDS, type NeedLevel, type Stage } from "../enums.js";
import { addMonths, daysBetween, monthsBetween } from "./time.js";

export type ValueKind = (typeof VALUE_KINDS)[number];

/** The normal path, lowest first: potential → target → new → old → core → strategic. */
export const LADDER = [
  "potential",
  "target",
  "new",
  "old",
  "core",
  "strategic",
] as const satisfies readonly Stage[];
export type LadderStage = (typeof LADDER)[number];

/** Stages of a live relationship: every stage on the ladder (not problem, not exited). */
export const isLadderStage = (stage: Stage): stage is LadderStage =>
  (LADDER as readonly Stage[]).includes(stage);

/** Position on the ladder (0 = potential … 5 = strategic); null for problem and exited. */
export const ladderRank = (stage: Stage): number | null =>
  isLadderStage(stage) ? LADDER.indexOf(stage) : null;

/** The next stage up the normal path, or null at the top and off the ladder. */
export function nextStageUp(stage: Stage): LadderStage | null {
  const rank = ladderRank(stage);
  return rank === null ? null : (LADDER[rank + 1] ?? null);
}

export type MoveKind = "upgrade" | "downgrade" | "fall" | "recover" | "exit" | "win_back";

export interface MoveContext {
  /** For a move out of problem: the stage the customer fell from, when known. */
  fellFrom?: Stage | null;
}

/**
 * What kind of move `from → to` is, or null when it is not allowed. The rules:
 * - one step up the normal path (upgrade);
 * - one step down the normal path (downgrade) — a relationship can cool without a conflict
 *   (a core customer that a competitor wins half of is an old customer again), and a wrong
 *   stage must be correctable without staging a fake conflict; longer drops go through problem;
 * - any ladder stage may fall to problem (SPEC: "any stage can fall to problem");
 * - problem converts back to any ladder stage up to the one it fell from (with `fellFrom`
 *   unknown, any ladder stage), or to exited;
 * - any ladder stage may exit: ending a relationship without a conflict is normal (a customer
 *   who simply stops buying), so exit does not have to pass through problem;
 * - exited may only be won back to target.
 * Staying put is not a move.
 */
export function classifyMove(from: Stage, to: Stage, context: MoveContext = {}): MoveKind | null {
  if (from === to) return null;
  if (from === "exited") return to === "target" ? "win_back" : null;
  if (to === "exited") return "exit";
  if (from === "problem") {
    const rank = ladderRank(to);
    if (rank === null) return null;
    const ceiling = context.fellFrom ? ladderRank(context.fellFrom) : null;
    return ceiling === null || rank <= ceiling ? "recover" : null;
  }
  if (to === "problem") return "fall";
  const delta = ladderRank(to)! - ladderRank(from)!;
  if (delta === 1) return "upgrade";
  if (delta === -1) return "downgrade";
  return null;
}

/** Whether a customer may move from one stage to another (see `classifyMove` for the rules). */
export const canMove = (from: Stage, to: Stage, context: MoveContext = {}): boolean =>
  classifyMove(from, to, context) !== null;

/** Every stage reachable in one move from `from`. */
export const allowedMoves = (from: Stage, context: MoveContext = {}): Stage[] =>
  STAGES.filter((to) => canMove(from, to, context));

/** Whether a move improves the relationship (and so is held back while a core need is open). */
export const isUpward = (kind: MoveKind) =>
  kind === "upgrade" || kind === "recover" || kind === "win_back";

/** Typical time in a stage before the next upgrade (SPEC §2), in calendar months. */
export interface Dwell {
  minMonths: number;
  maxMonths: number;
}

/**
 * SPEC §2: new 2–4 months, old 3–12 months, core "about a year" (read as 12 months both ways:
 * an upgrade to strategic is timely from a year on, and overdue after it). Potential, target
 * ("not fixed"), strategic, problem and exited have no typical time and are never overdue.
 */
export const TYPICAL_DWELL: Partial<Record<Stage, Dwell>> = {
  new: { minMonths: 2, maxMonths: 4 },
  old: { minMonths: 3, maxMonths: 12 },
  core: { minMonths: 12, maxMonths: 12 },
};

export interface TimeInStage {
  days: number;
  months: number;
}

export function timeInStage(since: Date, asOf: Date): TimeInStage {
  return { days: daysBetween(since, asOf), months: monthsBetween(since, asOf) };
}

/** The stage's typical time is over: the upgrade is due and should get attention. */
export function isOverdue(stage: Stage, since: Date, asOf: Date): boolean {
  const dwell = TYPICAL_DWELL[stage];
  return dwell !== undefined && asOf >= addMonths(since, dwell.maxMonths);
}

/** Long enough in the stage for an upgrade to come at a suitable time (upgrade condition 5). */
export function isTimely(stage: Stage, since: Date, asOf: Date): boolean {
  const dwell = TYPICAL_DWELL[stage];
  return dwell === undefined || asOf >= addMonths(since, dwell.minMonths);
}

/** When the typical time of the stage runs out, or null when it has none. */
export function dueAt(stage: Stage, since: Date): Date | null {
  const dwell = TYPICAL_DWELL[stage];
  return dwell ? addMonths(since, dwell.maxMonths) : null;
}

export interface Playbook {
  /** What to do in this stage (SPEC §2), in English; the web app translates by stage. */
  advice: string;
  /** The value kinds to convey by default, most important first. */
  valueKinds: readonly ValueKind[];
  /** Which levels of need to work on. */
  needLevels: readonly NeedLevel[];
}

/**
 * The playbook per stage (SPEC §2). Value kinds for potential, target, new and old come from
 * the spec's table ("external-relationship value" is read as social value, the kind that
 * covers our standing with outside parties). The spec names no kinds for the others; ours:
 * core keeps delivering all of the catalogue, strategic builds on technology, product and
 * service (joint development), a problem customer needs service and people first, an exited
 * one is cared for with people and brand.
 */
export const PLAYBOOK: Record<Stage, Playbook> = {
  potential: {
    advice: "Brand and image publicity; learn who they are and what they need.",
    valueKinds: ["brand"],
    needLevels: [],
  },
  target: {
    advice: "Build personal relationships; convey people value and brand value.",
    valueKinds: ["people", "brand"],
    needLevels: ["core"],
  },
  new: {
    advice:
      "Satisfy only core needs and the agreed terms (no extra demands, no broken terms); convey product value and reinforce the cooperation model.",
    valueKinds: ["product", "model"],
    needLevels: ["core"],
  },
  old: {
    advice:
      "Expect competitors to interfere; on top of core needs, meet additional needs gradually and look for potential needs; convey brand, technology-resource and external-relationship value.",
    valueKinds: ["brand", "technology", "social"],
    needLevels: ["core", "additional", "potential"],
  },
  core: {
    advice:
      "Fully satisfy core needs and as many additional needs as possible; keep delivering value.",
    valueKinds: VALUE_KINDS,
    needLevels: NEED_LEVELS,
  },
  strategic: {
    advice: "Develop jointly: directed products and special service on our R&D platform.",
    valueKinds: ["technology", "product", "service"],
    needLevels: NEED_LEVELS,
  },
  problem: {
    advice:
      "Handle carefully: find the cause (usually our own positioning or method) and convert quickly.",
    valueKinds: ["service", "people"],
    needLevels: ["core"],
  },
  exited: {
    advice: "Keep caring after the end; an exit can sometimes be won back.",
    valueKinds: ["people", "brand"],
    needLevels: [],
  },
};

/** The share of problem customers the organisation must stay at or below (SPEC §2). */
export const PROBLEM_SHARE_LIMIT = 0.03;
