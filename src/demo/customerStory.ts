/**
 * One demo customer, whole: identity, owner, ladder history with purchases, and every record
 * that hangs off it. All draws come from the customer's own seeded generator, so customer n
 * reads the same whatever the size of the base.
 */
import type { Scale, Stage } from "../shared/enums.js";
import { drawCustomerIdentity, type CustomerIdentity } from "./customerProfile.js";
import { simulateCustomerLife, type CustomerLife } from "./customerLife.js";
import type { DemoIds } from "./ids.js";
import { drawBuyerTraits } from "./purchaseProcess.js";
import { DemoRandom, RANDOM_STREAMS } from "./random.js";
import type { CustomerBatch, CustomerRow } from "./rows.js";
import type { PlanScope } from "./referenceData.js";
import type { StaffPlan } from "./staff.js";
import { buildPurchaseRows, type PurchaseRows } from "./storyPurchases.js";
import {
  buildBonds,
  buildComplaints,
  buildConsents,
  buildContacts,
  buildInfoSources,
  buildInteractions,
  buildResearchNotes,
} from "./storyRelationship.js";
import { buildDeliveries, buildNeeds, type StoryCustomer } from "./storyValueWork.js";
import { days, isoTime } from "./time.js";
import { CREDIT_GRADES, TRADE_TERMS } from "./vocabulary/companies.js";
import { CUSTOMER_NOTES } from "./vocabulary/engagement.js";

/** Years of history behind the demo base. */
export const HISTORY_YEARS = 7;

export interface StoryContext {
  readonly seed: number;
  readonly asOf: number;
  readonly staff: StaffPlan;
  readonly ids: DemoIds;
  /** The interaction plans, so interactions can follow the ones addressing the customer. */
  readonly plans: readonly PlanScope[];
}

/** The external reference of the n-th demo customer: C000001, C000002, … */
export const customerRef = (index: number) => `C${String(index).padStart(6, "0")}`;

/** Generates customer `index` (1-based, which is also its id) and appends its rows to `batch`. */
export function writeCustomerStory(
  context: StoryContext,
  index: number,
  batch: CustomerBatch,
): void {
  const { asOf, ids } = context;
  const random = DemoRandom.for(context.seed, RANDOM_STREAMS.customer, index);
  const identity = drawCustomerIdentity(random, asOf);
  const managers =
    context.staff.accountManagersByArea.get(identity.area) ?? context.staff.accountManagerIds;
  const customer: StoryCustomer = {
    id: index,
    ownerId: random.pick(managers),
    kind: identity.kind,
  };
  const traits = drawBuyerTraits(random, identity.kind, identity.scale);
  const historyStart = asOf - days(HISTORY_YEARS * 365.25);
  // More customers joined recently than long ago: the base has been growing.
  const enteredAt = historyStart + (asOf - historyStart) * Math.pow(random.next(), 1 / 1.3);
  const life = simulateCustomerLife(random, traits, {
    enteredAt,
    asOf,
    canBeStrategic:
      identity.scale === "medium" || identity.scale === "large" || identity.scale === "enterprise",
    affinity: random.next(),
  });

  const purchases = buildPurchaseRows(
    random,
    ids,
    customer.id,
    traits,
    identity.catalogue,
    life.purchases,
    asOf,
  );
  const row = customerRow(random, context, index, identity, customer, life, purchases);
  batch.customers.push(row);
  for (const change of life.changes) {
    batch.stageEvents.push({
      id: ids.next("stage_events"),
      customer_id: customer.id,
      from_stage: change.from,
      to_stage: change.to,
      reason: change.reason,
      actor_id: customer.ownerId,
      at: isoTime(change.at),
    });
  }
  const contacts = identity.domain
    ? buildContacts(random, ids, customer, identity.domain, enteredAt, asOf)
    : [];
  batch.contacts.push(...contacts);
  const { rows: needRows, needs } = buildNeeds(random, ids, customer, life, asOf);
  batch.needs.push(...needRows);
  batch.deliveries.push(...buildDeliveries(random, ids, customer, life, needs, asOf));
  batch.interactions.push(
    ...buildInteractions(
      random,
      ids,
      customer,
      life,
      contacts.map((c) => c.id as number),
      { scopes: context.plans, row },
      asOf,
    ),
  );
  batch.complaints.push(...buildComplaints(random, ids, customer, life, asOf));
  batch.bonds.push(...buildBonds(random, ids, customer, life));
  batch.researchNotes.push(...buildResearchNotes(random, ids, customer, needs, asOf));
  batch.infoSources.push(...buildInfoSources(random, ids, customer, enteredAt, asOf));
  batch.consents.push(...buildConsents(random, ids, customer, enteredAt, asOf));
  batch.transactions.push(...purchases.transactions);
}

/** Closeness and willingness (1–5) by stage: they rise with the ladder (SPEC §1, §2). */
const WARMTH: Record<Stage, number> = {
  potential: 1,
  target: 2,
  new: 2.5,
  old: 3.3,
  core: 4.2,
  strategic: 4.8,
  problem: 2,
  exited: 1.3,
};
const clampScore = (value: number) => Math.max(1, Math.min(5, Math.round(value)));

function customerRow(
  random: DemoRandom,
  context: StoryContext,
  index: number,
  identity: CustomerIdentity,
  customer: StoryCustomer,
  life: CustomerLife,
  purchases: PurchaseRows,
): CustomerRow {
  const last = life.changes[life.changes.length - 1];
  if (!last) throw new Error("a customer history has at least one stage");
  const stage = last.to;
  const buyer = purchases.transactions.length > 0;
  const organization = identity.kind === "organization";
  return {
    id: customer.id,
    external_ref: customerRef(index),
    kind: identity.kind,
    name: identity.name,
    purpose: identity.purpose,
    owner_id: customer.ownerId,
    stage,
    stage_since: isoTime(last.at),
    phone: null,
    email: null,
    address: null,
    website: null,
    industry: null,
    region: null,
    scale: null,
    positioning: null,
    management_model: null,
    marketing_model: null,
    org_structure: null,
    founded_on: null,
    employees: null,
    revenue_band: null,
    business_philosophy: null,
    service_area: null,
    reputation: null,
    sales_ability: null,
    business_results: null,
    growth_potential: null,
    strengths: null,
    problems: null,
    gender: null,
    birth_date: null,
    personality: null,
    marital_status: null,
    family: null,
    employer: null,
    position: null,
    income_band: null,
    buying_motives: null,
    lifestyle: null,
    beliefs: null,
    ...identity.fields,
    products: purchases.productsBought.slice(0, 5),
    tags: identity.fields.tags ?? [],
    trade_terms: organization && buyer ? tradeTerms(random, identity.scale) : null,
    credit_grade:
      organization && (buyer || stage === "target")
        ? creditGrade(random, identity.scale, stage)
        : null,
    closeness:
      stage === "potential" && random.chance(0.5)
        ? null
        : clampScore(WARMTH[stage] + random.normal(0, 0.6)),
    willingness:
      stage === "potential" && random.chance(0.5)
        ? null
        : clampScore(WARMTH[stage] + random.normal(0, 0.7)),
    category_spend_cents: categorySpend(random, identity, stage, purchases),
    notes: random.chance(0.25) ? random.pick(CUSTOMER_NOTES) : null,
    created_by: customer.ownerId,
    updated_by: customer.ownerId,
    created_at: isoTime(life.enteredAt),
    updated_at: isoTime(Math.min(context.asOf, last.at + days(random.uniform(0, 20)))),
  };
}

function tradeTerms(random: DemoRandom, scale: Scale | null): string {
  // Larger customers negotiate credit and framework terms; the smallest pay before delivery.
  const offset = scale === "enterprise" || scale === "large" ? 2 : scale === "micro" ? -2 : 0;
  const index = Math.max(0, Math.min(TRADE_TERMS.length - 1, random.int(1, 3) + offset));
  return TRADE_TERMS[index] ?? TRADE_TERMS[0];
}

function creditGrade(random: DemoRandom, scale: Scale | null, stage: Stage): string {
  const base = { micro: 3.5, small: 2.8, medium: 2, large: 1.3, enterprise: 0.8 }[scale ?? "small"];
  const trouble = stage === "problem" || stage === "exited" ? 1.2 : 0;
  const index = Math.max(
    0,
    Math.min(CREDIT_GRADES.length - 1, Math.round(base + trouble + random.normal(0, 0.9))),
  );
  return CREDIT_GRADES[index] ?? "BBB";
}

/** The customer's own yearly spend in our category, when known: our share of it varies. */
function categorySpend(
  random: DemoRandom,
  identity: CustomerIdentity,
  stage: Stage,
  purchases: PurchaseRows,
): number | null {
  if (!random.chance(0.7)) return null;
  if (purchases.lastYearRevenueCents > 0) {
    const share =
      stage === "core" || stage === "strategic"
        ? random.uniform(0.45, 0.9)
        : random.uniform(0.1, 0.6);
    return Math.round(purchases.lastYearRevenueCents / share / 10_000) * 10_000;
  }
  const typical = { micro: 5e6, small: 2e7, medium: 8e7, large: 3e8, enterprise: 1e9 }[
    identity.scale ?? "micro"
  ];
  const base = identity.kind === "individual" ? 3e5 : typical;
  return Math.round((base * random.uniform(0.3, 2)) / 10_000) * 10_000;
}
