/**
 * The whole Ladder data model (SPEC.md §1–§12) as one Drizzle schema. The migrations in
 * ./migrations are generated from it and run unchanged on PGlite and PostgreSQL 15+.
 *
 * Conventions: ids are bigint identities; every customer-owned row carries `customer_id` (so the
 * schema can later be distributed by it); money is integer cents; times are `timestamptz`;
 * closed vocabularies are text checked against the lists in `src/shared/enums.ts`; editable rows
 * carry `version` for optimistic concurrency.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { STAGES } from "../../shared/enums.js";

const id = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: "number" });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const cents = (name: string) => bigint(name, { mode: "number" });
const created = () => ts("created_at").notNull().defaultNow();
const updated = () => ts("updated_at").notNull().defaultNow();
const version = () => integer("version").notNull().default(1);
const textList = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);
const stageList = sql.raw(STAGES.map((s) => `'${s}'`).join(","));

export const teams = pgTable("teams", {
  id: id(),
  name: text("name").notNull().unique(),
  createdAt: created(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").notNull(),
    teamId: ref("team_id").references(() => teams.id),
    locale: text("locale").notNull().default("zh-CN"),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: ts("locked_until"),
    createdAt: created(),
    updatedAt: updated(),
    version: version(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself lives only in the cookie. */
    tokenHash: text("token_hash").primaryKey(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: created(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable("api_tokens", {
  id: id(),
  userId: ref("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  scopes: textList("scopes"),
  createdAt: created(),
  expiresAt: ts("expires_at"),
  revokedAt: ts("revoked_at"),
});

export const segments = pgTable("segments", {
  id: id(),
  name: text("name").notNull(),
  description: text("description"),
  /** A customer filter (see customers.schema.ts) evaluated live. */
  definition: jsonb("definition").notNull().default({}),
  decision: text("decision"),
  decisionReason: text("decision_reason"),
  marketingMode: text("marketing_mode"),
  shared: boolean("shared").notNull().default(true),
  ownerId: ref("owner_id").references(() => users.id),
  createdAt: created(),
  updatedAt: updated(),
  version: version(),
});

export const customers = pgTable(
  "customers",
  {
    id: id(),
    /** The key of this customer in an outside system or import file. */
    externalRef: text("external_ref"),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default("consumer"),
    ownerId: ref("owner_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage").notNull().default("potential"),
    stageSince: ts("stage_since").notNull().defaultNow(),
    // Contact and identity (both kinds).
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    website: text("website"),
    // Segmentation attributes (SPEC §1, §6).
    industry: text("industry"),
    region: text("region"),
    scale: text("scale"),
    products: textList("products"),
    positioning: text("positioning"),
    managementModel: text("management_model"),
    marketingModel: text("marketing_model"),
    orgStructure: text("org_structure"),
    tags: textList("tags"),
    // Organisation profile.
    foundedOn: date("founded_on", { mode: "string" }),
    employees: integer("employees"),
    revenueBand: text("revenue_band"),
    businessPhilosophy: text("business_philosophy"),
    serviceArea: text("service_area"),
    reputation: text("reputation"),
    // Business status.
    salesAbility: text("sales_ability"),
    businessResults: text("business_results"),
    growthPotential: text("growth_potential"),
    strengths: text("strengths"),
    problems: text("problems"),
    // Transaction status.
    tradeTerms: text("trade_terms"),
    creditGrade: text("credit_grade"),
    closeness: integer("closeness"),
    willingness: integer("willingness"),
    // Individual profile.
    gender: text("gender"),
    birthDate: date("birth_date", { mode: "string" }),
    personality: text("personality"),
    maritalStatus: text("marital_status"),
    /** Spouse, children and their birthdays. */
    family: jsonb("family"),
    employer: text("employer"),
    position: text("position"),
    incomeBand: text("income_band"),
    buyingMotives: text("buying_motives"),
    lifestyle: text("lifestyle"),
    beliefs: text("beliefs"),
    /** The customer's own yearly spend in our category, for share of wallet (SPEC §7). */
    categorySpendCents: cents("category_spend_cents"),
    notes: text("notes"),
    archivedAt: ts("archived_at"),
    createdBy: ref("created_by").references(() => users.id),
    updatedBy: ref("updated_by").references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
    version: version(),
  },
  (t) => [
    check("customers_stage_check", sql`${t.stage} in (${stageList})`),
    check("customers_kind_check", sql`${t.kind} in ('organization','individual')`),
    uniqueIndex("customers_external_ref_key").on(t.externalRef),
    index("customers_owner_idx").on(t.ownerId, t.id),
    index("customers_stage_idx").on(t.stage, t.id),
    // The ladder board: a stage's live customers, longest in the stage first.
    // problem share per owner: counts by owner and stage over the active base
    index("customers_owner_stage_idx")
      .on(t.ownerId, t.stage)
      .where(sql`${t.archivedAt} is null`),
    index("customers_board_idx")
      .on(t.stage, t.stageSince, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("customers_industry_idx").on(t.industry, t.id),
    index("customers_region_idx").on(t.region, t.id),
    index("customers_updated_idx").on(t.updatedAt, t.id),
    // the list's other sort orders, so a sorted page is an index range, not a sort of the base
    index("customers_name_idx").on(t.name, t.id),
    index("customers_created_idx").on(t.createdAt, t.id),
    index("customers_tags_idx").using("gin", t.tags),
    index("customers_products_idx").using("gin", t.products),
    index("customers_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/** Provenance of a piece of customer information (SPEC §1, sources). */
export const infoSources = pgTable(
  "info_sources",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    channel: text("channel").notNull(),
    method: text("method"),
    note: text("note"),
    recordedBy: ref("recorded_by").references(() => users.id),
    recordedAt: created(),
  },
  (t) => [index("info_sources_customer_idx").on(t.customerId)],
);

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title"),
    buyingRole: text("buying_role"),
    isKey: boolean("is_key").notNull().default(false),
    phone: text("phone"),
    email: text("email"),
    birthDate: date("birth_date", { mode: "string" }),
    personality: text("personality"),
    interests: text("interests"),
    notes: text("notes"),
    createdAt: created(),
    updatedAt: updated(),
    version: version(),
  },
  (t) => [index("contacts_customer_idx").on(t.customerId, t.id)],
);

export const stageEvents = pgTable(
  "stage_events",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    reason: text("reason").notNull(),
    actorId: ref("actor_id").references(() => users.id),
    proposalId: ref("proposal_id"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [
    index("stage_events_customer_idx").on(t.customerId, t.at),
    index("stage_events_at_idx").on(t.at),
  ],
);

export const proposals = pgTable(
  "proposals",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    fromStage: text("from_stage").notNull(),
    toStage: text("to_stage").notNull(),
    rule: text("rule").notNull(),
    evidence: jsonb("evidence").notNull().default([]),
    status: text("status").notNull().default("open"),
    decidedBy: ref("decided_by").references(() => users.id),
    decidedAt: ts("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: created(),
  },
  (t) => [
    index("proposals_customer_idx").on(t.customerId),
    index("proposals_status_idx").on(t.status, t.id.desc()),
    uniqueIndex("proposals_one_open_key")
      .on(t.customerId)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const needs = pgTable(
  "needs",
  {
    id: id(),
    customerId: ref("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    segmentId: ref("segment_id").references(() => segments.id, { onDelete: "cascade" }),
    level: text("level").notNull(),
    kind: text("kind").notNull(),
    humanLevel: text("human_level"),
    title: text("title").notNull(),
    // The eight characteristics of SPEC §3.
    what: text("what"),
    whenNeeded: text("when_needed"),
    whereNeeded: text("where_needed"),
    why: text("why"),
    howMany: text("how_many"),
    price: text("price"),
    payment: text("payment"),
    frequency: text("frequency"),
    status: text("status").notNull().default("open"),
    source: text("source"),
    evidence: text("evidence"),
    metAt: ts("met_at"),
    createdBy: ref("created_by").references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
    version: version(),
  },
  (t) => [
    check("needs_owner_check", sql`(${t.customerId} is null) <> (${t.segmentId} is null)`),
    index("needs_customer_idx").on(t.customerId, t.status),
    index("needs_segment_idx").on(t.segmentId),
  ],
);

export const valueItems = pgTable("value_items", {
  id: id(),
  title: text("title").notNull(),
  scope: text("scope").notNull(),
  kind: text("kind").notNull(),
  statement: text("statement").notNull(),
  evidence: text("evidence"),
  lifecycle: text("lifecycle").notNull().default("growing"),
  competitorsLacking: textList("competitors_lacking"),
  competitorsHaving: textList("competitors_having"),
  fabeFeature: text("fabe_feature"),
  fabeAdvantage: text("fabe_advantage"),
  fabeBenefit: text("fabe_benefit"),
  fabeEvidence: text("fabe_evidence"),
  dimensions: textList("dimensions"),
  /** Stages whose playbook this value suits (SPEC §2). */
  stages: textList("stages"),
  /** Need kinds this value answers (SPEC §3). */
  needKinds: textList("need_kinds"),
  active: boolean("active").notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
  version: version(),
});

export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** Round of the value spiral for this customer, 1, 2, 3, … */
    round: integer("round").notNull(),
    stageAtPlan: text("stage_at_plan").notNull(),
    valueItemId: ref("value_item_id").references(() => valueItems.id),
    needId: ref("need_id").references(() => needs.id, { onDelete: "set null" }),
    content: text("content"),
    plannedFor: ts("planned_for"),
    medium: text("medium"),
    status: text("status").notNull().default("planned"),
    deliveredAt: ts("delivered_at"),
    outcome: text("outcome"),
    outcomeEvidence: text("outcome_evidence"),
    evaluatedAt: ts("evaluated_at"),
    ownerId: ref("owner_id").references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
    version: version(),
  },
  (t) => [
    index("deliveries_customer_idx").on(t.customerId, t.round),
    index("deliveries_value_item_idx").on(t.valueItemId),
  ],
);

export const interactionPlans = pgTable("interaction_plans", {
  id: id(),
  name: text("name").notNull(),
  customerId: ref("customer_id").references(() => customers.id, { onDelete: "cascade" }),
  segmentId: ref("segment_id").references(() => segments.id, { onDelete: "set null" }),
  /** Which customers, by life-cycle expectations (SPEC §10). */
  object: text("object"),
  /** [{ text, due, met }] */
  goals: jsonb("goals").notNull().default([]),
  content: text("content"),
  channel: text("channel"),
  frequencyDays: integer("frequency_days"),
  startsOn: date("starts_on", { mode: "string" }),
  endsOn: date("ends_on", { mode: "string" }),
  evaluation: text("evaluation"),
  status: text("status").notNull().default("active"),
  ownerId: ref("owner_id").references(() => users.id),
  createdAt: created(),
  updatedAt: updated(),
  version: version(),
});

export const interactions = pgTable(
  "interactions",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    contactId: ref("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    planId: ref("plan_id").references(() => interactionPlans.id, { onDelete: "set null" }),
    channel: text("channel").notNull(),
    contentType: text("content_type").notNull(),
    direction: text("direction").notNull(),
    occurredAt: ts("occurred_at").notNull(),
    summary: text("summary").notNull(),
    outcome: text("outcome"),
    actorId: ref("actor_id").references(() => users.id),
    createdAt: created(),
  },
  (t) => [index("interactions_customer_idx").on(t.customerId, t.occurredAt)],
);

export const complaints = pgTable(
  "complaints",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    cause: text("cause"),
    step: text("step").notNull().default("listen"),
    valid: boolean("valid"),
    keyPoints: text("key_points"),
    solution: text("solution"),
    followUp: text("follow_up"),
    satisfaction: text("satisfaction"),
    receivedAt: ts("received_at").notNull().defaultNow(),
    stepEnteredAt: ts("step_entered_at").notNull().defaultNow(),
    stepDueAt: ts("step_due_at"),
    closedAt: ts("closed_at"),
    ownerId: ref("owner_id").references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
    version: version(),
  },
  (t) => [
    index("complaints_customer_idx").on(t.customerId, t.step),
    // The complaints board and the overdue filter: open complaints by step and due time.
    index("complaints_step_due_idx").on(t.step, t.stepDueAt),
  ],
);

export const bonds = pgTable(
  "bonds",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    level: text("level").notNull(),
    kind: text("kind").notNull(),
    description: text("description"),
    startedOn: date("started_on", { mode: "string" }),
    endedOn: date("ended_on", { mode: "string" }),
    createdAt: created(),
    version: version(),
  },
  (t) => [index("bonds_customer_idx").on(t.customerId)],
);

export const researchNotes = pgTable(
  "research_notes",
  {
    id: id(),
    customerId: ref("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    segmentId: ref("segment_id").references(() => segments.id, { onDelete: "set null" }),
    needId: ref("need_id").references(() => needs.id, { onDelete: "set null" }),
    method: text("method"),
    channel: text("channel"),
    infoType: text("info_type"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Means-end chain: the successive answers to "why?" (SPEC §3). */
    whyChain: textList("why_chain"),
    authorId: ref("author_id").references(() => users.id),
    createdAt: created(),
    version: version(),
  },
  (t) => [
    index("research_notes_customer_idx").on(t.customerId),
    index("research_notes_segment_idx").on(t.segmentId),
    index("research_notes_need_idx").on(t.needId),
  ],
);

export const transactions = pgTable(
  "transactions",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    occurredAt: ts("occurred_at").notNull(),
    amountCents: cents("amount_cents").notNull(),
    /** Cost to serve (service, communication, marketing, production), when known. */
    costCents: cents("cost_cents"),
    quantity: integer("quantity").notNull().default(1),
    product: text("product"),
    channel: text("channel"),
    externalRef: text("external_ref"),
    importId: ref("import_id"),
    createdAt: created(),
  },
  (t) => [
    index("transactions_customer_idx").on(t.customerId, t.occurredAt),
    // most transactions carry no reference: index only those that do (a bulk import then
    // maintains no entry for each unreferenced row)
    uniqueIndex("transactions_external_ref_key")
      .on(t.externalRef)
      .where(sql`${t.externalRef} is not null`),
  ],
);

/**
 * One row per customer with purchases, kept current as transactions arrive, so analytics
 * read one row per customer instead of every transaction.
 */
export const purchaseSummaries = pgTable("purchase_summaries", {
  customerId: ref("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  firstPurchaseAt: ts("first_purchase_at").notNull(),
  lastPurchaseAt: ts("last_purchase_at").notNull(),
  /** Distinct purchase days, the first included. */
  purchaseDays: integer("purchase_days").notNull(),
  transactionCount: integer("transaction_count").notNull(),
  revenueCents: cents("revenue_cents").notNull(),
  costCents: cents("cost_cents").notNull(),
  /** Revenue of the days after the first purchase day (for Gamma-Gamma). */
  repeatRevenueCents: cents("repeat_revenue_cents").notNull(),
  updatedAt: updated(),
});

/** One analytics refresh: its as-of date, parameters and fits. Scores point at a run. */
export const scoreRuns = pgTable("score_runs", {
  id: id(),
  asOf: ts("as_of").notNull(),
  status: text("status").notNull().default("running"),
  params: jsonb("params").notNull().default({}),
  fit: jsonb("fit"),
  startedAt: created(),
  publishedAt: ts("published_at"),
  error: text("error"),
});

/**
 * Partitioned by run (list on run_id, migration 0005): one partition per refresh, written bare
 * and attached whole, see server/analytics/scorePartitions.ts.
 */
export const customerScores = pgTable(
  "customer_scores",
  {
    runId: ref("run_id")
      .notNull()
      .references(() => scoreRuns.id, { onDelete: "cascade" }),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    abcClass: text("abc_class"),
    rfmR: integer("rfm_r"),
    rfmF: integer("rfm_f"),
    rfmM: integer("rfm_m"),
    rfmSegment: text("rfm_segment"),
    pAlive: doublePrecision("p_alive"),
    expectedPurchases: doublePrecision("expected_purchases"),
    expectedValueCents: doublePrecision("expected_value_cents"),
    clvCents: doublePrecision("clv_cents"),
    historicalProfitCents: cents("historical_profit_cents"),
    clvQuadrant: text("clv_quadrant"),
    lifecyclePhase: text("lifecycle_phase"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.customerId] }),
    index("customer_scores_customer_idx").on(t.customerId),
  ],
);

export const consents = pgTable(
  "consents",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    basis: text("basis").notNull().default("consent"),
    grantedAt: ts("granted_at").notNull().defaultNow(),
    withdrawnAt: ts("withdrawn_at"),
    recordedBy: ref("recorded_by").references(() => users.id),
  },
  (t) => [index("consents_customer_idx").on(t.customerId)],
);

/** Sensitivity grade per field (SPEC §11, 分级管理); admins may change them. */
export const fieldGrades = pgTable(
  "field_grades",
  {
    entity: text("entity").notNull(),
    field: text("field").notNull(),
    grade: text("grade").notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.field] })],
);

export const imports = pgTable("imports", {
  id: id(),
  kind: text("kind").notNull(),
  fileName: text("file_name"),
  idempotencyKey: text("idempotency_key").unique(),
  status: text("status").notNull().default("running"),
  rowCount: integer("row_count").notNull().default(0),
  error: text("error"),
  createdBy: ref("created_by").references(() => users.id),
  startedAt: created(),
  finishedAt: ts("finished_at"),
});

/** One row per administration setting; `version` guards each against concurrent admins. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  version: version(),
  updatedAt: updated(),
});

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: ts("at").notNull().defaultNow(),
    actorId: ref("actor_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    customerId: ref("customer_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_customer_idx").on(t.customerId),
  ],
);
