/**
 * The proposal rules of SPEC §2: from a customer's evidence, which stage change to *propose*
 * (a person accepts or rejects it; nothing here moves a customer). Rules are tried in order and
 * the first that fires wins, downgrades first: a customer with unresolved complaints is a
 * problem before anything else is said about it. No upgrade is proposed while a core need is
 * open (SPEC §3); the upgrade that would have been proposed is reported as `heldBack`.
 *
 * core → strategic is never proposed: a strategic partnership is joint development on our R&D
 * platform, a decision both companies take, and no record here proves it. The upgrade
 * conditions still show a core customer's evidence, and a person makes the move.
 */
import type { Stage } from "../enums.js";
import { isoDay, type CustomerEvidence, type EvidenceItem } from "./evidence.js";
import {
  classifyMove,
  isLadderStage,
  isTimely,
  isUpward,
  timeInStage,
  TYPICAL_DWELL,
} from "./stages.js";
import { addMonths } from "./time.js";

export const PROPOSAL_RULES = [
  "complaints_to_problem",
  "inactive_to_exited",
  "resolved_to_previous",
  "returned_to_target",
  "engaged_to_target",
  "first_purchase_to_new",
  "repeat_to_old",
  "endorsed_to_core",
] as const;
export type ProposalRule = (typeof PROPOSAL_RULES)[number];

/** The thresholds the rules use, in one place so they can be read (and argued with). */
export const PROPOSAL_THRESHOLDS = {
  /** Open complaints that make a conflict "repeated" even before any is overdue. */
  repeatedOpenComplaints: 2,
  /** No purchase and no word from the customer for this long: the relationship has ended. */
  inactivityMonths: 12,
  /** Below this probability of being alive (BG/NBD), a buying customer is taken as gone. */
  lowPAlive: 0.1,
  /** Distinct purchase days that make a repeat customer. */
  repeatPurchaseDays: 2,
  /** Accepted deliveries that show a new customer accepts our value. */
  acceptedForOld: 1,
  /** "Several" accepted deliveries: the customer endorses our value. */
  acceptedForCore: 3,
  /** Closeness (1–5) of a customer ready to become core. */
  closenessForCore: 4,
} as const;

export interface ProposedMove {
  rule: ProposalRule;
  from: Stage;
  to: Stage;
  /** upgrade/recover/win_back move the relationship up; fall/exit/downgrade down. */
  direction: "up" | "down";
  evidence: EvidenceItem[];
}

export interface ProposalDecision {
  proposal: ProposedMove | null;
  /** An upgrade the evidence supports but an open core need holds back. */
  heldBack: ProposedMove | null;
}

type RuleResult = { to: Stage; evidence: EvidenceItem[] } | null;
type Rule = (e: CustomerEvidence, asOf: Date) => RuleResult;

const T = PROPOSAL_THRESHOLDS;
const LIVE_BUYING: readonly Stage[] = ["new", "old", "core", "strategic", "problem"];

const item = (
  key: string,
  value: EvidenceItem["value"],
  text: string,
  field?: string,
): EvidenceItem => (field ? { key, value, text, field } : { key, value, text });

const monthsInStage = (e: CustomerEvidence, asOf: Date) => {
  const months = timeInStage(e.stageSince, asOf).months;
  const dwell = TYPICAL_DWELL[e.stage];
  return item(
    "months_in_stage",
    months,
    `${months} months in ${e.stage}${dwell ? ` (typical ${dwell.minMonths}–${dwell.maxMonths})` : ""}`,
  );
};

const latest = (...dates: (Date | null)[]) =>
  dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

const RULES: Record<ProposalRule, Rule> = {
  complaints_to_problem(e) {
    if (!isLadderStage(e.stage)) return null;
    if (e.overdueComplaints < 1 && e.openComplaints < T.repeatedOpenComplaints) return null;
    return {
      to: "problem",
      evidence: [
        item("open_complaints", e.openComplaints, `${e.openComplaints} open complaints`),
        item(
          "overdue_complaints",
          e.overdueComplaints,
          `${e.overdueComplaints} past their due time`,
        ),
      ],
    };
  },

  inactive_to_exited(e, asOf) {
    if (!LIVE_BUYING.includes(e.stage)) return null;
    // Our own calls do not keep a relationship alive: only the customer buying or reaching out.
    const lastActivity = latest(e.lastPurchaseAt, e.lastInboundAt);
    const quietSince = lastActivity ?? e.stageSince;
    const quiet = addMonths(quietSince, T.inactivityMonths) <= asOf;
    const unlikelyAlive = e.pAlive !== null && e.purchaseDays > 0 && e.pAlive < T.lowPAlive;
    if (!quiet && !unlikelyAlive) return null;
    const evidence = [
      item(
        "last_activity",
        isoDay(lastActivity),
        lastActivity
          ? `last purchase or contact from the customer on ${isoDay(lastActivity)}`
          : "no purchase or contact from the customer on record",
      ),
    ];
    if (quiet)
      evidence.push(
        item(
          "inactive_months",
          T.inactivityMonths,
          `nothing from the customer for ${T.inactivityMonths} months or more`,
        ),
      );
    if (e.pAlive !== null)
      evidence.push(
        item(
          "p_alive",
          Math.round(e.pAlive * 1000) / 1000,
          `probability still active ${(e.pAlive * 100).toFixed(1)}%`,
        ),
      );
    return { to: "exited", evidence };
  },

  resolved_to_previous(e) {
    if (e.stage !== "problem" || !e.fellFrom || !isLadderStage(e.fellFrom)) return null;
    if (e.openComplaints > 0 || e.complaintsClosedInStage < 1) return null;
    return {
      to: e.fellFrom,
      evidence: [
        item(
          "complaints_closed_in_stage",
          e.complaintsClosedInStage,
          `${e.complaintsClosedInStage} complaints resolved since falling to problem`,
        ),
        item("open_complaints", 0, "no open complaints"),
        item("fell_from", e.fellFrom, `fell from ${e.fellFrom}`),
      ],
    };
  },

  returned_to_target(e) {
    if (e.stage !== "exited") return null;
    const purchased = e.lastPurchaseAt !== null && e.lastPurchaseAt > e.stageSince;
    const reachedOut = e.lastInboundAt !== null && e.lastInboundAt > e.stageSince;
    if (!purchased && !reachedOut) return null;
    const evidence: EvidenceItem[] = [];
    if (purchased)
      evidence.push(
        item(
          "last_purchase",
          isoDay(e.lastPurchaseAt),
          `bought again on ${isoDay(e.lastPurchaseAt)} after exiting`,
        ),
      );
    if (reachedOut)
      evidence.push(
        item(
          "last_inbound",
          isoDay(e.lastInboundAt),
          `reached out on ${isoDay(e.lastInboundAt)} after exiting`,
        ),
      );
    return { to: "target", evidence };
  },

  engaged_to_target(e) {
    if (e.stage !== "potential" || (e.purchaseDays < 1 && e.inboundRecent < 1)) return null;
    const evidence: EvidenceItem[] = [];
    if (e.purchaseDays > 0)
      evidence.push(item("purchase_days", e.purchaseDays, `has bought on ${e.purchaseDays} days`));
    if (e.inboundRecent > 0)
      evidence.push(
        item(
          "inbound_interactions",
          e.inboundRecent,
          `${e.inboundRecent} contacts from the customer in the last 12 months`,
        ),
      );
    return { to: "target", evidence };
  },

  first_purchase_to_new(e) {
    if (e.stage !== "target" || e.purchaseDays < 1) return null;
    return {
      to: "new",
      evidence: [
        item(
          "first_purchase",
          isoDay(e.firstPurchaseAt),
          `first purchase on ${isoDay(e.firstPurchaseAt)}`,
        ),
      ],
    };
  },

  repeat_to_old(e, asOf) {
    if (
      e.stage !== "new" ||
      e.purchaseDays < T.repeatPurchaseDays ||
      e.deliveriesAccepted < T.acceptedForOld
    )
      return null;
    if (!isTimely(e.stage, e.stageSince, asOf)) return null;
    return {
      to: "old",
      evidence: [
        item("purchase_days", e.purchaseDays, `bought on ${e.purchaseDays} different days`),
        item(
          "accepted_deliveries",
          e.deliveriesAccepted,
          `${e.deliveriesAccepted} value deliveries accepted`,
        ),
        monthsInStage(e, asOf),
      ],
    };
  },

  endorsed_to_core(e, asOf) {
    if (e.stage !== "old" || e.deliveriesAccepted < T.acceptedForCore) return null;
    if (
      e.closeness === null ||
      e.closeness < T.closenessForCore ||
      !isTimely(e.stage, e.stageSince, asOf)
    )
      return null;
    return {
      to: "core",
      evidence: [
        item(
          "accepted_deliveries",
          e.deliveriesAccepted,
          `${e.deliveriesAccepted} value deliveries accepted`,
        ),
        item("closeness", e.closeness, `closeness ${e.closeness}/5`, "closeness"),
        monthsInStage(e, asOf),
      ],
    };
  },
};

/**
 * Applies the rules in order: the first that fires is the proposal. An upgrade held back by an
 * open core need is reported as `heldBack`, and the scan goes on (a later downgrade still counts).
 */
export function decideProposal(e: CustomerEvidence, asOf: Date): ProposalDecision {
  let heldBack: ProposedMove | null = null;
  for (const rule of PROPOSAL_RULES) {
    const result = RULES[rule](e, asOf);
    if (!result) continue;
    const kind = classifyMove(e.stage, result.to, { fellFrom: e.fellFrom });
    if (kind === null) continue; // a rule never proposes a move the ladder forbids
    const move: ProposedMove = {
      rule,
      from: e.stage,
      to: result.to,
      direction: isUpward(kind) ? "up" : "down",
      evidence: result.evidence,
    };
    if (move.direction === "down") return { proposal: move, heldBack };
    if (e.openCoreNeeds === 0) return { proposal: move, heldBack: null };
    heldBack ??= {
      ...move,
      evidence: [
        ...move.evidence,
        item("open_core_needs", e.openCoreNeeds, `${e.openCoreNeeds} core needs still open`),
      ],
    };
  }
  return { proposal: null, heldBack };
}
