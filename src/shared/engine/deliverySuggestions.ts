/**
 * Which catalogue values to deliver to a customer next (SPEC §5 step 2), ranked, each with the
 * reasons it was chosen. Pure: the caller passes the customer's stage, its needs, the catalogue
 * and its delivery history, and the time to judge "recent" by.
 *
 * Ranking, in this order:
 * 1. an item answering an unmet **core** need comes first (core needs must be met in full, and
 *    no upgrade is proposed while one is open — SPEC §3);
 * 2. then the score: the stage playbook of SPEC §2 (which value kinds the stage should convey),
 *    the catalogue's own stage tags, the needs it answers (only the need levels the stage
 *    serves: a new customer gets its core needs met, not extra demands), our unique value, its scope
 *    and life cycle, and a recent rejection (weights in `WEIGHTS`);
 * 3. then the item id, so equal items keep a stable order.
 * Items accepted recently, or already planned or delivered and not yet judged, are left out:
 * the customer has them, or is about to.
 */
import type { NeedLevel, Stage } from "../enums.js";

/** What each stage's playbook should convey (SPEC §2) and which need levels it serves. */
export interface StagePlaybook {
  /** Value kinds the playbook names for this stage; "all" means every kind, keep delivering. */
  primary: readonly string[] | "all";
  /** Kinds that support the playbook without being its point. */
  secondary: readonly string[];
  /** Need levels worth answering at this stage; e.g. a new customer gets core needs only. */
  needLevels: readonly NeedLevel[];
}

export const STAGE_VALUE_PLAYBOOK: Readonly<Record<Stage, StagePlaybook>> = {
  // Brand and image publicity.
  potential: { primary: ["brand"], secondary: ["social", "historical"], needLevels: ["core"] },
  // Build personal relationships; convey people value and brand value.
  target: {
    primary: ["people", "brand"],
    secondary: ["historical", "social"],
    needLevels: ["core"],
  },
  // Satisfy only core needs and the agreed terms; convey product value, reinforce the cooperation model.
  new: { primary: ["product"], secondary: ["model", "service"], needLevels: ["core"] },
  // On top of core needs, meet additional needs and look for potential ones; convey brand,
  // technology-resource and external-relationship (social) value.
  old: {
    primary: ["brand", "technology", "social"],
    secondary: ["service", "customer_resources"],
    needLevels: ["core", "additional", "potential"],
  },
  // Fully satisfy core needs and as many additional needs as possible; keep delivering value.
  core: { primary: "all", secondary: [], needLevels: ["core", "additional", "potential"] },
  // Joint development on our R&D platform for deep, differentiating needs.
  strategic: {
    primary: ["technology"],
    secondary: ["model", "customer_resources"],
    needLevels: ["core", "additional", "potential"],
  },
  // Handle carefully, find the cause, convert quickly: fix the service and the relationship.
  problem: { primary: ["service", "people"], secondary: ["product"], needLevels: ["core"] },
  // Keep caring after the end; exits are sometimes won back.
  exited: { primary: ["people", "brand"], secondary: ["social"], needLevels: ["core"] },
};

/** Score weights; stated once so the reasons and the tests read the same numbers. */
export const WEIGHTS = {
  playbookPrimary: 3,
  playbookSecondary: 1,
  taggedForStage: 2,
  need: { core: 4, additional: 2, potential: 1 } as Record<NeedLevel, number>,
  /** Deep, differentiating needs are what strategic partners are for. */
  strategicPotentialNeed: 3,
  /** Each further need the item answers, up to `moreNeedsCap`. */
  moreNeeds: 1,
  moreNeedsCap: 2,
  uniqueValue: 1,
  /** Old customers: expect competitors to interfere, so what they lack counts double. */
  uniqueValueOld: 2,
  scopeFit: 1,
  declining: -1,
  rejectedRecently: -2,
} as const;

/** How long an accepted (or rejected) delivery keeps its item out of (or down) the list. */
export const RECENT_DAYS = 180;

export interface SuggestionValueItem {
  id: number;
  title: string;
  kind: string;
  scope: string;
  lifecycle: string;
  stages: readonly string[];
  needKinds: readonly string[];
  competitorsLacking: readonly string[];
  competitorsHaving: readonly string[];
}

export interface SuggestionNeed {
  id: number;
  level: NeedLevel;
  kind: string;
  title: string;
}

export interface SuggestionHistoryEntry {
  valueItemId: number;
  status: "planned" | "delivered" | "evaluated" | "cancelled";
  outcome: "accepted" | "partly" | "rejected" | null;
  /** When it was judged (evaluated) or else last touched. */
  at: Date;
}

export type SuggestionReasonCode =
  | "core_need"
  | "additional_need"
  | "potential_need"
  | "stage_playbook"
  | "stage_supporting"
  | "tagged_for_stage"
  | "unique_value"
  | "scope_fit"
  | "declining"
  | "rejected_recently";

export interface SuggestionReason {
  code: SuggestionReasonCode;
  /** Plain-English reason; clients may translate by `code`. */
  message: string;
  needId?: number;
}

export interface DeliverySuggestion {
  valueItemId: number;
  score: number;
  /** The most important unmet need the item answers, if any: link the delivery to it. */
  needId: number | null;
  needLevel: NeedLevel | null;
  reasons: SuggestionReason[];
}

export interface SuggestionInput {
  stage: Stage;
  /** The customer's unmet needs (open, being met or deferred). */
  needs: readonly SuggestionNeed[];
  /** Active catalogue items. */
  items: readonly SuggestionValueItem[];
  /** This customer's deliveries that name a value item. */
  history: readonly SuggestionHistoryEntry[];
  asOf: Date;
  recentDays?: number;
}

const LEVEL_ORDER: readonly NeedLevel[] = ["core", "additional", "potential"];
const DAY = 24 * 60 * 60 * 1000;

/** Unique value: at least one named competitor lacks it and none is known to have it. */
export const isUniqueValue = (
  item: Pick<SuggestionValueItem, "competitorsLacking" | "competitorsHaving">,
) => item.competitorsLacking.length > 0 && item.competitorsHaving.length === 0;

/** Ranks the catalogue for one customer; items with no reason at all are left out. */
export function suggestDeliveries(input: SuggestionInput): DeliverySuggestion[] {
  const { stage, asOf } = input;
  const playbook = STAGE_VALUE_PLAYBOOK[stage];
  const since = asOf.getTime() - (input.recentDays ?? RECENT_DAYS) * DAY;
  const inFlight = new Set<number>();
  const acceptedRecently = new Set<number>();
  const rejectedRecently = new Set<number>();
  for (const h of input.history) {
    if (h.status === "planned" || h.status === "delivered") inFlight.add(h.valueItemId);
    if (h.status === "evaluated" && h.at.getTime() >= since) {
      if (h.outcome === "accepted") acceptedRecently.add(h.valueItemId);
      if (h.outcome === "rejected") rejectedRecently.add(h.valueItemId);
    }
  }
  const servedNeeds = input.needs
    .filter((n) => playbook.needLevels.includes(n.level))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.id - b.id);

  const suggestions: DeliverySuggestion[] = [];
  for (const item of input.items) {
    if (inFlight.has(item.id) || acceptedRecently.has(item.id)) continue;
    const reasons: SuggestionReason[] = [];
    let score = 0;
    const add = (points: number, reason: SuggestionReason) => {
      score += points;
      reasons.push(reason);
    };

    const matched = servedNeeds.filter((n) => item.needKinds.includes(n.kind));
    const best = matched[0];
    if (best) {
      const points =
        stage === "strategic" && best.level === "potential"
          ? WEIGHTS.strategicPotentialNeed
          : WEIGHTS.need[best.level];
      add(points, {
        code: `${best.level}_need`,
        message: `Answers the unmet ${best.level} ${best.kind} need "${best.title}"`,
        needId: best.id,
      });
      for (const other of matched.slice(1, 1 + WEIGHTS.moreNeedsCap)) {
        add(WEIGHTS.moreNeeds, {
          code: `${other.level}_need`,
          message: `Also answers the ${other.level} ${other.kind} need "${other.title}"`,
          needId: other.id,
        });
      }
    }
    if (playbook.primary === "all" || playbook.primary.includes(item.kind)) {
      add(WEIGHTS.playbookPrimary, {
        code: "stage_playbook",
        message:
          playbook.primary === "all"
            ? `A ${stage} customer should keep receiving every kind of value`
            : `The ${stage} playbook conveys ${item.kind} value`,
      });
    } else if (playbook.secondary.includes(item.kind)) {
      add(WEIGHTS.playbookSecondary, {
        code: "stage_supporting",
        message: `${item.kind} value supports the ${stage} playbook`,
      });
    }
    if (item.stages.includes(stage)) {
      add(WEIGHTS.taggedForStage, {
        code: "tagged_for_stage",
        message: `The catalogue marks it for ${stage} customers`,
      });
    }
    // Without a stage or need reason the item is not a suggestion, however the rest scores.
    if (reasons.length === 0) continue;

    if (isUniqueValue(item)) {
      add(stage === "old" ? WEIGHTS.uniqueValueOld : WEIGHTS.uniqueValue, {
        code: "unique_value",
        message: `Unique: ${item.competitorsLacking.join(", ")} lack it`,
      });
    }
    const scopeFits =
      ((stage === "new" || stage === "problem") && item.scope === "core") ||
      ((stage === "core" || stage === "strategic") && item.scope === "potential");
    if (scopeFits) {
      add(WEIGHTS.scopeFit, {
        code: "scope_fit",
        message: `Its ${item.scope} scope suits a ${stage} customer`,
      });
    }
    if (item.lifecycle === "declining") {
      add(WEIGHTS.declining, {
        code: "declining",
        message: "This value is declining in its life cycle",
      });
    }
    if (rejectedRecently.has(item.id)) {
      add(WEIGHTS.rejectedRecently, {
        code: "rejected_recently",
        message: "The customer rejected it recently",
      });
    }
    suggestions.push({
      valueItemId: item.id,
      score,
      needId: best?.id ?? null,
      needLevel: best?.level ?? null,
      reasons,
    });
  }

  // Only a core need jumps the queue; additional and potential needs count through the score.
  const coreFirst = (s: DeliverySuggestion) => (s.needLevel === "core" ? 0 : 1);
  return suggestions.sort(
    (a, b) => coreFirst(a) - coreFirst(b) || b.score - a.score || a.valueItemId - b.valueItemId,
  );
}
