/**
 * The working records around a customer: key people (SPEC §1), interactions (SPEC §10),
 * complaints at their steps, loyalty bonds (SPEC §9), research notes (SPEC §3), the sources of
 * its information and, for individuals, consent to marketing (SPEC §11).
 */
import type { ComplaintStep, Stage } from "../shared/enums.js";
import { COMPLAINT_SLA_DAYS, complaintStepDueAt } from "../shared/engine/complaints.js";
import type { CustomerLife } from "./customerLife.js";
import type { DemoIds } from "./ids.js";
import { birthDate, mobilePhone, personName } from "./people.js";
import type { DemoRandom } from "./random.js";
import type { PlanScope } from "./referenceData.js";
import type { CustomerRow, Row } from "./rows.js";
import { stageAt, type NeedRecord, type StoryCustomer } from "./storyValueWork.js";
import { days, isoTime, YEAR_DAYS } from "./time.js";
import * as words from "./vocabulary/engagement.js";
import { CONTACT_ROLES, INTERESTS, PERSONALITIES } from "./vocabulary/people.js";
import type { ConflictKind } from "./vocabulary/stageReasons.js";

/** Key people of an organisation: a decision maker and a purchaser first, then others. */
export function buildContacts(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  domain: string,
  enteredAt: number,
  asOf: number,
): Row[] {
  const roles = [
    random.pick(CONTACT_ROLES.slice(0, 3)),
    CONTACT_ROLES[3],
    ...random.sample(CONTACT_ROLES.slice(4), random.int(0, 3)),
  ];
  const usedAddresses = new Set<string>();
  return roles.map((role) => {
    if (!role) throw new Error("contact role table is empty");
    const person = personName(random, random.chance(0.7) ? "male" : "female");
    let address = person.pinyin;
    for (let n = 2; usedAddresses.has(address); n++) address = `${person.pinyin}${n}`;
    usedAddresses.add(address);
    const createdAt = isoTime(Math.min(asOf, enteredAt + days(random.uniform(0, 200))));
    return {
      id: ids.next("contacts"),
      customer_id: customer.id,
      name: person.name,
      title: role.title,
      buying_role: role.buyingRole,
      is_key: role.key,
      phone: mobilePhone(random),
      email: `${address}@${domain}`,
      birth_date: random.chance(0.6) ? birthDate(random, asOf, 28, 62) : null,
      personality: random.chance(0.7) ? random.pick(PERSONALITIES) : null,
      interests: random.chance(0.6) ? random.sample(INTERESTS, random.int(1, 2)).join("、") : null,
      notes:
        role.key && random.chance(0.4) ? `${role.title}是关键决策链成员，拜访前需提前预约` : null,
      created_at: createdAt,
    };
  });
}

/** Interactions per year by stage: closer relationships talk more (SPEC §10). */
const INTERACTIONS_PER_YEAR: Record<Stage, number> = {
  potential: 0.3,
  target: 1.5,
  new: 3,
  old: 2,
  core: 3,
  strategic: 4,
  problem: 4,
  exited: 0.3,
};
const MAX_INTERACTIONS = 12;
const PERSONAL_CHANNELS = [
  "face_to_face",
  "phone",
  "messaging",
  "email",
  "letter",
  "website",
] as const;
const CONTENT_TYPES = ["information", "information", "emotion", "opinion"] as const;

/** Interactions over the relationship, most with the owner, some started by the customer. */
export function buildInteractions(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  life: CustomerLife,
  contactIds: readonly number[],
  plans: { readonly scopes: readonly PlanScope[]; readonly row: CustomerRow },
  asOf: number,
): Row[] {
  const rows: Row[] = [];
  let t = life.enteredAt + days(random.exponential(30));
  while (t < asOf && rows.length < MAX_INTERACTIONS) {
    const stage = stageAt(life.changes, t);
    const contentType = random.pick(CONTENT_TYPES);
    // Half the contacts with a customer that an interaction plan addresses follow the plan.
    const plan = planAddressing(plans.scopes, plans.row, stage, t);
    const followsPlan = plan !== null && random.chance(0.5);
    const channel = followsPlan
      ? plan.channel
      : random.chance(0.9)
        ? random.pick(PERSONAL_CHANNELS)
        : random.pick(["event", "media", "environment"] as const);
    rows.push({
      id: ids.next("interactions"),
      customer_id: customer.id,
      contact_id: contactIds.length > 0 ? random.pick(contactIds) : null,
      plan_id: followsPlan ? plan.id : null,
      channel,
      content_type: contentType,
      direction: contentType === "opinion" || random.chance(0.25) ? "inbound" : "outbound",
      occurred_at: isoTime(t),
      summary: random.pick(words.INTERACTION_SUMMARIES[contentType]),
      outcome: random.chance(0.8) ? random.pick(words.INTERACTION_OUTCOMES) : null,
      actor_id: customer.ownerId,
      created_at: isoTime(t),
    });
    t += days(random.exponential(YEAR_DAYS / INTERACTIONS_PER_YEAR[stage]));
  }
  return rows;
}

/** The plan whose segment holds the customer at time `t` (its stage then, its profile now). */
function planAddressing(
  scopes: readonly PlanScope[],
  row: CustomerRow,
  stage: Stage,
  t: number,
): PlanScope | null {
  const tags = row.tags as readonly string[];
  return (
    scopes.find(
      (plan) =>
        t >= plan.startsAt &&
        t <= plan.endsAt &&
        Object.entries(plan.definition).every(([field, values]) =>
          field === "stage"
            ? values.includes(stage)
            : field === "tag"
              ? tags.some((tag) => values.includes(tag))
              : values.includes(String(row[field])),
        ),
    ) ?? null
  );
}

const CAUSE_OF_CONFLICT: Record<ConflictKind, words.ComplaintCause> = {
  quality: "product",
  delivery: "service",
  price: "expectation",
  service: "service",
  people: "staff",
  terms: "service",
};
/** Ordinary complaints per year of buying, beside those that caused a fall to problem. */
const COMPLAINTS_PER_YEAR = 0.2;

interface ReceivedComplaint {
  at: number;
  cause: words.ComplaintCause;
  /** A complaint behind a conflict that is still open stays open. */
  mayClose: boolean;
  /** Behind a conflict: every step takes longer. */
  hard: boolean;
}

/** Complaints: one behind each conflict that made it a problem customer, and a few ordinary ones. */
export function buildComplaints(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  life: CustomerLife,
  asOf: number,
): Row[] {
  const received: ReceivedComplaint[] = [];
  for (const episode of life.problems) {
    if (episode.kind === "inactive") continue;
    received.push({
      at: episode.at - days(random.uniform(1, 20)),
      cause: CAUSE_OF_CONFLICT[episode.kind],
      mayClose: episode.resolvedAt !== null,
      hard: true,
    });
  }
  const firstPurchase = life.purchases[0];
  if (firstPurchase !== undefined) {
    const causes = Object.keys(words.COMPLAINTS) as words.ComplaintCause[];
    for (
      let t = firstPurchase + days(random.exponential(YEAR_DAYS / COMPLAINTS_PER_YEAR));
      t < asOf;
      t += days(random.exponential(YEAR_DAYS / COMPLAINTS_PER_YEAR))
    ) {
      received.push({ at: t, cause: random.pick(causes), mayClose: true, hard: false });
    }
  }
  return received.map((complaint) => complaintRow(random, ids, customer, complaint, asOf));
}

/**
 * Walks one complaint through the steps of SPEC §10 as shared/engine/complaints allows them:
 * listen → record → (valid) propose → follow-up → closed, or (not valid) record → closed with
 * an explanation. Each step takes about its service-level time, sometimes longer.
 */
function complaintRow(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  complaint: ReceivedComplaint,
  asOf: number,
): Row {
  const text = words.COMPLAINTS[complaint.cause];
  const valid =
    complaint.cause !== "misuse" && !(complaint.cause === "expectation" && random.chance(0.5));
  const path: ComplaintStep[] = valid
    ? ["listen", "record", "propose", "follow_up", "closed"]
    : ["listen", "record", "closed"];
  let step: ComplaintStep = "listen";
  let enteredAt = complaint.at;
  for (const next of path.slice(1)) {
    if (step === "closed" || (next === "closed" && !complaint.mayClose)) break;
    const leaves =
      enteredAt + days(COMPLAINT_SLA_DAYS[step] * random.uniform(0.2, complaint.hard ? 8 : 2.5));
    if (leaves > asOf) break;
    step = next;
    enteredAt = leaves;
  }
  const reached = (target: ComplaintStep) =>
    path.includes(target) && path.indexOf(step) >= path.indexOf(target);
  const closed = step === "closed";
  return {
    id: ids.next("complaints"),
    customer_id: customer.id,
    title: text.title,
    description: text.description,
    cause: reached("record") ? complaint.cause : null,
    step,
    valid: reached("record") ? valid : null,
    // Key points are due when the judgement is recorded; some write them down at once.
    key_points:
      reached("record") && (step !== "record" || random.chance(0.5)) ? text.keyPoints : null,
    solution: valid
      ? reached("follow_up")
        ? text.solution
        : null
      : closed
        ? "explanation" in text
          ? text.explanation
          : null
        : null,
    follow_up: valid && closed ? text.followUp : null,
    satisfaction: valid && closed ? random.weighted(SATISFACTION) : null,
    received_at: isoTime(complaint.at),
    step_entered_at: isoTime(enteredAt),
    step_due_at: dueAt(step, enteredAt),
    closed_at: closed ? isoTime(enteredAt) : null,
    owner_id: customer.ownerId,
    created_at: isoTime(complaint.at),
    updated_at: isoTime(enteredAt),
  };
}

const SATISFACTION = [
  { value: "tolerates", weight: 2 },
  { value: "satisfied", weight: 5 },
  { value: "delighted", weight: 2 },
];

function dueAt(step: ComplaintStep, enteredAt: number): string | null {
  const due = complaintStepDueAt(step, new Date(enteredAt));
  return due ? due.toISOString() : null;
}

/** Bonds deepen with the relationship: financial from old, social from core, structural at strategic. */
export function buildBonds(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  life: CustomerLife,
): Row[] {
  const rows: Row[] = [];
  const exit = life.changes.find((change) => change.to === "exited");
  const add = (level: keyof typeof words.BONDS, since: number) => {
    const bond = random.pick<{ kind: string; description: string }>(words.BONDS[level]);
    rows.push({
      id: ids.next("bonds"),
      customer_id: customer.id,
      level,
      kind: bond.kind,
      description: bond.description,
      started_on: isoTime(since + days(random.uniform(5, 60))).slice(0, 10),
      ended_on: exit && exit.at > since ? isoTime(exit.at).slice(0, 10) : null,
      created_at: isoTime(since),
    });
  };
  const reached = (stage: Stage) => life.changes.find((change) => change.to === stage);
  const old = reached("old");
  const core = reached("core");
  const strategic = reached("strategic");
  if (old && random.chance(0.5)) add("financial", old.at);
  if (core) add(random.chance(0.7) ? "social" : "financial", core.at);
  if (strategic) add("structural", strategic.at);
  return rows;
}

/** A research note for some customers: means-end questioning tied to one of its needs. */
export function buildResearchNotes(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  needs: readonly NeedRecord[],
  asOf: number,
): Row[] {
  const need = needs[0];
  if (!need || customer.kind === "individual" || !random.chance(0.2)) return [];
  const note = random.pick(words.RESEARCH_NOTES);
  return [
    {
      id: ids.next("research_notes"),
      customer_id: customer.id,
      segment_id: null,
      need_id: need.id,
      method: note.method,
      channel: note.method === "complaint" ? "after_sales" : "conversation",
      info_type: "need",
      title: note.title,
      body: note.body,
      why_chain: note.whyChain,
      author_id: customer.ownerId,
      created_at: isoTime(Math.min(asOf, need.createdAt + days(random.uniform(0, 30)))),
    },
  ];
}

const SOURCE_CHANNELS = Object.keys(
  words.INFO_SOURCE_NOTES,
) as (keyof typeof words.INFO_SOURCE_NOTES)[];
const RECORDED_FIELDS = {
  organization: ["industry", "scale", "employees", "revenueBand", "creditGrade", "problems"],
  individual: ["phone", "incomeBand", "family", "buyingMotives"],
} as const;
const METHOD_OF_CHANNEL = {
  conversation: "interview",
  marketing_event: "questionnaire",
  after_sales: "observation",
  website: "questionnaire",
  publication: "observation",
  consultancy_report: "observation",
} as const;

/** Where some of the customer's information came from (SPEC §1, sources). */
export function buildInfoSources(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  enteredAt: number,
  asOf: number,
): Row[] {
  return random.sample(RECORDED_FIELDS[customer.kind], random.int(1, 3)).map((field) => {
    const channel = random.pick(SOURCE_CHANNELS);
    return {
      id: ids.next("info_sources"),
      customer_id: customer.id,
      field,
      channel,
      method: METHOD_OF_CHANNEL[channel],
      note: words.INFO_SOURCE_NOTES[channel],
      recorded_by: customer.ownerId,
      created_at: isoTime(Math.min(asOf, enteredAt + days(random.uniform(0, 90)))),
    };
  });
}

/** Individuals consent to marketing when registered; a few withdraw later. */
export function buildConsents(
  random: DemoRandom,
  ids: DemoIds,
  customer: StoryCustomer,
  enteredAt: number,
  asOf: number,
): Row[] {
  if (customer.kind !== "individual") return [];
  const withdrawn = random.chance(0.08)
    ? Math.min(asOf, enteredAt + days(random.uniform(30, 900)))
    : null;
  return [
    {
      id: ids.next("consents"),
      customer_id: customer.id,
      purpose: "marketing",
      basis: "consent",
      granted_at: isoTime(enteredAt),
      withdrawn_at: withdrawn !== null ? isoTime(withdrawn) : null,
      recorded_by: customer.ownerId,
    },
  ];
}
