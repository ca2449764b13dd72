/**
 * The discover → deliver half of a customer's story: the needs found over the relationship
 * (SPEC §3), with statuses that fit where the customer stands now (some core needs still
 * open), and value delivered in rounds (SPEC §5) chosen for the stage at the time, with
 * outcomes that tend to precede upgrades.
 */
import type { NeedKind, Stage } from "../shared/enums.js";
import type { CustomerLife, StageChange } from "./customerLife.js";
import { STAGE_VALUE_PLAYBOOK } from "../shared/engine/deliverySuggestions.js";
import type { DemoIds } from "./ids.js";
import type { DemoRandom, WeightedChoice } from "./random.js";
import { DEMO_CATALOGUE, type CatalogueEntry } from "./referenceData.js";
import type { Row } from "./rows.js";
import { days, isoTime } from "./time.js";
import { DELIVERY_EVIDENCE, DELIVERY_MEDIA } from "./vocabulary/engagement.js";
import * as needWords from "./vocabulary/needs.js";

export interface StoryCustomer {
  readonly id: number;
  readonly ownerId: number;
  readonly kind: "organization" | "individual";
}

export interface NeedRecord {
  readonly id: number;
  readonly kind: NeedKind;
  readonly status: string;
  readonly createdAt: number;
}

/** The stage the customer was at at time `t` (its first stage before the history starts). */
export function stageAt(changes: readonly StageChange[], t: number): Stage {
  let stage = changes[0]?.to ?? "potential";
  for (const change of changes) {
    if (change.at > t) break;
    stage = change.to;
  }
  return stage;
}

const NEEDS_BY_STAGE: Record<Stage, [number, number]> = {
  potential: [1, 1],
  target: [1, 2],
  new: [2, 3],
  old: [2, 4],
  core: [3, 5],
  strategic: [4, 6],
  problem: [2, 4],
  exited: [2, 3],
};
const CORE_KINDS: readonly NeedKind[] = ["quality", "service", "benefit"];
const ALL_KINDS: readonly NeedKind[] = [
  "quality",
  "service",
  "emotional",
  "information",
  "benefit",
  "brand",
];

const status = (...choices: [string, number][]): readonly WeightedChoice<string>[] =>
  choices.map(([value, weight]) => ({ value, weight }));
/** Status of a need by its level and the customer's current stage. */
const NEED_STATUS: Record<
  Stage,
  Record<"core" | "additional" | "potential", readonly WeightedChoice<string>[]>
> = {
  potential: {
    core: status(["open", 1]),
    additional: status(["open", 3], ["deferred", 1]),
    potential: status(["open", 1]),
  },
  target: {
    core: status(["open", 1]),
    additional: status(["open", 3], ["deferred", 1]),
    potential: status(["open", 1]),
  },
  new: {
    core: status(["being_met", 6], ["met", 4]),
    additional: status(["open", 5], ["deferred", 2], ["being_met", 3]),
    potential: status(["open", 1]),
  },
  old: {
    core: status(["met", 85], ["open", 10], ["being_met", 5]),
    additional: status(["met", 35], ["being_met", 35], ["open", 20], ["deferred", 10]),
    potential: status(["open", 2], ["being_met", 1]),
  },
  core: {
    core: status(["met", 97], ["being_met", 3]),
    additional: status(["met", 50], ["being_met", 35], ["open", 15]),
    potential: status(["open", 5], ["being_met", 4], ["met", 1]),
  },
  strategic: {
    core: status(["met", 1]),
    additional: status(["met", 6], ["being_met", 3], ["open", 1]),
    potential: status(["being_met", 5], ["met", 3], ["open", 2]),
  },
  problem: {
    core: status(["open", 1]),
    additional: status(["open", 1], ["deferred", 1]),
    potential: status(["deferred", 1]),
  },
  exited: {
    core: status(["declined", 1], ["met", 1]),
    additional: status(["declined", 1], ["deferred", 1]),
    potential: status(["declined", 1]),
  },
};
const SOURCE_LABELS = {
  research: "调研访谈",
  interaction: "日常沟通",
  complaint: "客户投诉",
} as const;

/** The needs recorded for one customer over its relationship. */
export function buildNeeds(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  life: CustomerLife,
  asOf: number,
): { rows: Row[]; needs: NeedRecord[] } {
  const current = life.changes[life.changes.length - 1]?.to ?? "potential";
  const [min, max] = NEEDS_BY_STAGE[current];
  const count = random.int(min, max);
  const templates =
    customer.kind === "individual" ? needWords.INDIVIDUAL_NEEDS : needWords.ORGANIZATION_NEEDS;
  const rows: Row[] = [];
  const needs: NeedRecord[] = [];
  const span = Math.max(asOf - life.enteredAt, days(1));
  const usedTitles = new Set<string>();
  for (let index = 0; index < count; index++) {
    const level =
      index === 0
        ? "core"
        : (current === "core" || current === "strategic") && index === count - 1
          ? "potential"
          : random.chance(0.15)
            ? "core"
            : "additional";
    const kind = level === "core" ? random.pick(CORE_KINDS) : random.pick(ALL_KINDS);
    // A customer states each need once: prefer a template it has not used yet.
    const fresh = templates[kind].filter((t) => !usedTitles.has(t.title));
    const template = random.pick(fresh.length > 0 ? fresh : templates[kind]);
    usedTitles.add(template.title);
    const createdAt =
      life.enteredAt + span * (index / count) + random.uniform(0, span / count) * 0.8;
    const needStatus = random.weighted(NEED_STATUS[current][level]);
    const source =
      current === "problem" && index === 0
        ? "complaint"
        : (random.weighted(
            status(["research", 4], ["interaction", 5], ["complaint", 1]),
          ) as keyof typeof SOURCE_LABELS);
    const detail = level === "core" ? 1 : 0.6; // core needs are explicit: all eight characteristics known
    const maybe = (value: string) => (random.chance(detail) ? value : null);
    const words = needWords.CHARACTERISTICS[customer.kind];
    const id = ids.next("needs");
    needs.push({ id, kind, status: needStatus, createdAt });
    rows.push({
      id,
      customer_id: customer.id,
      segment_id: null,
      level,
      kind,
      human_level: random.chance(0.6) ? template.humanLevel : null,
      title: template.title,
      what: template.what,
      when_needed: maybe(random.pick(words.when_needed)),
      where_needed: maybe(random.pick(words.where_needed)),
      why: template.why,
      how_many: maybe(random.pick(words.how_many)),
      price: maybe(random.pick(words.price_expectations)),
      payment: maybe(random.pick(words.payments)),
      frequency: maybe(random.pick(words.frequencies)),
      status: needStatus,
      source,
      // Complaints reveal needs (SPEC §3): the evidence quotes what the customer said.
      evidence:
        source === "complaint"
          ? `客户投诉“${random.pick(needWords.COMPLAINT_VOICES[kind])}”（${isoTime(createdAt).slice(0, 10)}）`
          : `${SOURCE_LABELS[source]}记录（${isoTime(createdAt).slice(0, 10)}）`,
      met_at:
        needStatus === "met"
          ? isoTime(Math.min(asOf, createdAt + days(random.uniform(10, 200))))
          : null,
      created_by: customer.ownerId,
      created_at: isoTime(createdAt),
      updated_at: isoTime(Math.min(asOf, createdAt + days(random.uniform(0, 120)))),
    });
  }
  return { rows, needs };
}

const MAX_ROUNDS = 6;

/** Value delivered to one customer in rounds, from when it became a target. */
export function buildDeliveries(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  life: CustomerLife,
  needs: readonly NeedRecord[],
  asOf: number,
): Row[] {
  const firstTarget = life.changes.find((change) => change.to === "target");
  if (!firstTarget) return [];
  const horizon = asOf + days(45);
  const gap = Math.max(days(random.uniform(120, 300)), (horizon - firstTarget.at) / MAX_ROUNDS);
  const rows: Row[] = [];
  let round = 0;
  for (
    let planned = firstTarget.at + days(random.uniform(5, 40));
    planned < horizon;
    planned += gap * random.uniform(0.8, 1.2)
  ) {
    const stage = stageAt(life.changes, planned);
    if (stage === "exited" || stage === "potential") continue;
    round++;
    const items = chooseValue(random, customer.kind, stage);
    for (const item of items) {
      const need = needs.find(
        (n) => n.createdAt <= planned && n.status !== "met" && item.needKinds.includes(n.kind),
      );
      rows.push(
        deliveryRow(random, ids, customer, life, {
          round,
          stage,
          item,
          needId: need?.id ?? null,
          planned,
          asOf,
        }),
      );
    }
  }
  return rows;
}

/**
 * Value that fits the stage: items tagged for it or of a kind its playbook conveys (the same
 * playbook the delivery suggestions use), from the home line for individuals.
 */
function chooseValue(
  random: DemoRandom,
  kind: StoryCustomer["kind"],
  stage: Stage,
): CatalogueEntry[] {
  const playbook = STAGE_VALUE_PLAYBOOK[stage];
  const conveys = (item: CatalogueEntry) =>
    playbook.primary === "all" || playbook.primary.includes(item.kind);
  const audience = DEMO_CATALOGUE.filter(
    (item) => item.active && item.forIndividuals === (kind === "individual"),
  );
  const fitting = audience.filter((item) => item.stages.includes(stage) || conveys(item));
  return random.sample(fitting.length > 0 ? fitting : audience, random.chance(0.35) ? 2 : 1);
}

interface DeliveryPlan {
  round: number;
  stage: Stage;
  item: CatalogueEntry;
  needId: number | null;
  planned: number;
  asOf: number;
}

function deliveryRow(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  life: CustomerLife,
  plan: DeliveryPlan,
): Row {
  const { planned, asOf, stage } = plan;
  const medium = random.pick(DELIVERY_MEDIA[customer.kind]);
  const cancelled = random.chance(0.03);
  const deliveredAt = planned + days(random.uniform(0, 3));
  const done = !cancelled && deliveredAt <= asOf;
  const evaluatedAt = deliveredAt + days(random.uniform(7, 30));
  const evaluated = done && evaluatedAt <= asOf;
  // A delivery shortly before an upgrade is what the upgrade rests on: it was accepted.
  const upgradeFollows = life.changes.some(
    (c) =>
      c.at > planned &&
      c.at < planned + days(120) &&
      c.from === stage &&
      c.to !== "problem" &&
      c.to !== "exited",
  );
  const outcome = !evaluated
    ? null
    : upgradeFollows && random.chance(0.85)
      ? "accepted"
      : random.weighted(
          stage === "problem"
            ? status(["partly", 1], ["rejected", 1])
            : status(["accepted", 50], ["partly", 32], ["rejected", 18]),
        );
  return {
    id: ids.next("deliveries"),
    customer_id: customer.id,
    round: plan.round,
    stage_at_plan: stage,
    value_item_id: plan.item.id,
    need_id: plan.needId,
    content: `通过${medium}传递「${plan.item.title}」：${plan.item.benefit}`,
    planned_for: isoTime(planned),
    medium,
    status: cancelled ? "cancelled" : evaluated ? "evaluated" : done ? "delivered" : "planned",
    delivered_at: done ? isoTime(deliveredAt) : null,
    outcome,
    outcome_evidence: outcome
      ? random.pick(DELIVERY_EVIDENCE[outcome as keyof typeof DELIVERY_EVIDENCE])
      : null,
    evaluated_at: evaluated ? isoTime(evaluatedAt) : null,
    owner_id: customer.ownerId,
    created_at: isoTime(Math.min(asOf, planned - days(random.uniform(3, 20)))),
    updated_at: isoTime(
      Math.min(asOf, evaluated ? evaluatedAt : done ? deliveredAt : planned - days(1)),
    ),
  };
}
