/**
 * The six upgrade conditions of SPEC §2 for one customer: for each, the evidence on record and
 * what is still missing. All six should hold before an upgrade. What counts as enough depends
 * on the stage the customer would move to (a first purchase for new, repeat purchases for old,
 * several accepted deliveries for core).
 */
import type { Stage } from "../enums.js";
import { isoDay, type CustomerEvidence, type EvidenceItem } from "./evidence.js";
import { isLadderStage, isTimely, nextStageUp, timeInStage, TYPICAL_DWELL } from "./stages.js";
import { addMonths } from "./time.js";

export const UPGRADE_CONDITIONS = [
  "objective_needs",
  "mutual_wishes",
  "overall_interest",
  "two_way",
  "timing",
  "information",
] as const;
export type UpgradeConditionKey = (typeof UPGRADE_CONDITIONS)[number];

/** What each condition means (SPEC §2), for the API and the web app's tooltips. */
export const UPGRADE_CONDITION_TEXT: Record<UpgradeConditionKey, string> = {
  objective_needs: "The upgrade reflects both sides' objective needs",
  mutual_wishes: "It matches both sides' wishes",
  overall_interest: "It serves both sides' overall interest",
  two_way: "It is a two-way, interactive process",
  timing: "It comes at a suitable time, by a suitable method",
  information: "It has the media and information it needs",
};

/** What a condition still lacks; `field` names the customer field it reveals, as in evidence. */
export interface MissingItem {
  text: string;
  field?: string;
}

export interface UpgradeCondition {
  key: UpgradeConditionKey;
  holds: boolean;
  found: EvidenceItem[];
  missing: MissingItem[];
}

export interface UpgradeAssessment {
  stage: Stage;
  /** The stage an upgrade leads to: the next rung, back to the stage a problem fell from, or target for a win-back. */
  nextStage: Stage | null;
  conditions: UpgradeCondition[];
  allHold: boolean;
}

/** Purchases and accepted deliveries expected before moving *into* a stage. */
const REQUIRED: Record<Stage, { purchaseDays: number; accepted: number; metNeeds: number }> = {
  potential: { purchaseDays: 0, accepted: 0, metNeeds: 0 },
  target: { purchaseDays: 0, accepted: 0, metNeeds: 0 },
  new: { purchaseDays: 1, accepted: 0, metNeeds: 0 },
  old: { purchaseDays: 2, accepted: 1, metNeeds: 1 },
  core: { purchaseDays: 2, accepted: 3, metNeeds: 1 },
  strategic: { purchaseDays: 2, accepted: 3, metNeeds: 1 },
  problem: { purchaseDays: 0, accepted: 0, metNeeds: 0 },
  exited: { purchaseDays: 0, accepted: 0, metNeeds: 0 },
};

/** Share of the key profile fields that must be filled for "information on file". */
export const MIN_PROFILE_COMPLETENESS = 0.5;

const item = (
  key: string,
  value: EvidenceItem["value"],
  text: string,
  field?: string,
): EvidenceItem => (field ? { key, value, text, field } : { key, value, text });

export function upgradeTarget(e: Pick<CustomerEvidence, "stage" | "fellFrom">): Stage | null {
  if (e.stage === "exited") return "target";
  if (e.stage === "problem") return e.fellFrom && isLadderStage(e.fellFrom) ? e.fellFrom : null;
  return nextStageUp(e.stage);
}

export function assessUpgrade(e: CustomerEvidence, asOf: Date): UpgradeAssessment {
  const nextStage = upgradeTarget(e);
  // At the top (strategic) the conditions still describe the relationship: judge them as for strategic.
  const need = REQUIRED[nextStage ?? e.stage];
  const conditions: UpgradeCondition[] = [];
  const add = (
    key: UpgradeConditionKey,
    found: EvidenceItem[],
    missing: (string | MissingItem)[],
  ) =>
    conditions.push({
      key,
      holds: missing.length === 0,
      found,
      missing: missing.map((m) => (typeof m === "string" ? { text: m } : m)),
    });

  {
    const found: EvidenceItem[] = [];
    const missing: (string | MissingItem)[] = [];
    if (e.needsTotal > 0)
      found.push(item("needs_recorded", e.needsTotal, `${e.needsTotal} needs on record`));
    else missing.push("no needs recorded: discover what the customer needs");
    if (e.needsMet > 0) found.push(item("needs_met", e.needsMet, `${e.needsMet} needs met`));
    else if (need.metNeeds > 0) missing.push("no need met yet");
    if (e.openCoreNeeds > 0)
      missing.push(`${e.openCoreNeeds} core needs still open: meet them in full first`);
    else if (e.needsTotal > 0) found.push(item("open_core_needs", 0, "every core need is met"));
    add("objective_needs", found, missing);
  }
  {
    const found: EvidenceItem[] = [];
    const missing: (string | MissingItem)[] = [];
    if (e.purchaseDays > 0)
      found.push(
        item(
          "purchase_days",
          e.purchaseDays,
          `bought on ${e.purchaseDays} days, last on ${isoDay(e.lastPurchaseAt)}`,
        ),
      );
    if (e.purchaseDays < need.purchaseDays)
      missing.push(
        need.purchaseDays === 1
          ? "no purchase yet"
          : `only ${e.purchaseDays} purchase days; a repeat customer buys on ${need.purchaseDays} or more`,
      );
    if (e.willingness !== null && e.willingness >= 3)
      found.push(
        item(
          "willingness",
          e.willingness,
          `willingness to cooperate ${e.willingness}/5`,
          "willingness",
        ),
      );
    else if (e.willingness !== null)
      missing.push({ text: "willingness to cooperate is low", field: "willingness" });
    if (e.inboundRecent > 0)
      found.push(
        item(
          "inbound_interactions",
          e.inboundRecent,
          `the customer reached out ${e.inboundRecent} times in 12 months`,
        ),
      );
    if (e.willingness === null && e.inboundRecent === 0 && e.purchaseDays === 0)
      missing.push(
        "no sign of the customer's wish: no purchase, no contact from them, willingness not recorded",
      );
    add("mutual_wishes", found, missing);
  }
  {
    const found: EvidenceItem[] = [];
    const missing: (string | MissingItem)[] = [];
    if (e.deliveriesAccepted > 0)
      found.push(
        item(
          "accepted_deliveries",
          e.deliveriesAccepted,
          `${e.deliveriesAccepted} value deliveries accepted`,
        ),
      );
    if (e.deliveriesPartly > 0)
      found.push(
        item(
          "partly_accepted_deliveries",
          e.deliveriesPartly,
          `${e.deliveriesPartly} partly accepted`,
        ),
      );
    if (e.deliveriesAccepted < need.accepted)
      missing.push(
        `${e.deliveriesAccepted} of ${need.accepted} accepted value deliveries expected before ${nextStage ?? e.stage}`,
      );
    if (e.deliveriesRejected > e.deliveriesAccepted)
      missing.push(`more deliveries rejected (${e.deliveriesRejected}) than accepted`);
    if (e.costCents > 0) {
      const profit = e.revenueCents - e.costCents;
      if (profit >= 0)
        found.push(item("profit_cents", profit, "serving the customer is profitable"));
      else missing.push("serving the customer costs more than it brings");
    }
    add("overall_interest", found, missing);
  }
  {
    const found: EvidenceItem[] = [];
    const missing: (string | MissingItem)[] = [];
    if (e.inboundRecent > 0)
      found.push(
        item(
          "inbound_interactions",
          e.inboundRecent,
          `${e.inboundRecent} contacts from the customer in 12 months`,
        ),
      );
    else missing.push("no contact from the customer in 12 months");
    if (e.outboundRecent > 0)
      found.push(
        item(
          "outbound_interactions",
          e.outboundRecent,
          `${e.outboundRecent} contacts from us in 12 months`,
        ),
      );
    else missing.push("no contact from us in 12 months");
    add("two_way", found, missing);
  }
  {
    const found: EvidenceItem[] = [];
    const missing: (string | MissingItem)[] = [];
    const months = timeInStage(e.stageSince, asOf).months;
    const dwell = TYPICAL_DWELL[e.stage];
    if (!dwell)
      found.push(
        item("months_in_stage", months, `${months} months in ${e.stage} (no typical time)`),
      );
    else if (isTimely(e.stage, e.stageSince, asOf))
      found.push(
        item(
          "months_in_stage",
          months,
          `${months} months in ${e.stage}, typical ${dwell.minMonths}–${dwell.maxMonths}`,
        ),
      );
    else
      missing.push(
        `only ${months} months in ${e.stage}; an upgrade is timely from ${isoDay(addMonths(e.stageSince, dwell.minMonths))}`,
      );
    if (e.openComplaints > 0)
      missing.push(`${e.openComplaints} open complaints: resolve them first`);
    else found.push(item("open_complaints", 0, "no open complaints"));
    add("timing", found, missing);
  }
  {
    const found: EvidenceItem[] = [];
    const missing: (string | MissingItem)[] = [];
    const percent = Math.round(e.profileCompleteness * 100);
    if (e.profileCompleteness >= MIN_PROFILE_COMPLETENESS)
      found.push(item("profile_completeness", percent, `profile ${percent}% complete`));
    else
      missing.push(
        `profile only ${percent}% complete (at least ${MIN_PROFILE_COMPLETENESS * 100}% expected)`,
      );
    if (e.hasMedium)
      found.push(item("medium", true, "a phone or email to reach the customer is on file"));
    else missing.push("no phone or email on file");
    if (e.contacts > 0) found.push(item("contacts", e.contacts, `${e.contacts} contacts on file`));
    else if (e.kind === "organization") missing.push("no key person on file");
    add("information", found, missing);
  }
  return { stage: e.stage, nextStage, conditions, allHold: conditions.every((c) => c.holds) };
}
