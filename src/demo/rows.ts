/**
 * The rows the demo generator produces, keyed by database column name so the loader can stream
 * them without mapping, and the table specs that name each table's columns in load order.
 * Timestamps are ISO strings (UTC), dates `YYYY-MM-DD`, money integer cents; ids are assigned
 * by the generator (see seedDemo.ts for why).
 */

export type Cell = string | number | boolean | null | readonly string[] | object;
export type Row = Readonly<Record<string, Cell>>;

export interface TeamRow extends Row {
  id: number;
  name: string;
  created_at: string;
}

export interface UserRow extends Row {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  team_id: number | null;
  locale: string;
  created_at: string;
}

export interface CustomerRow extends Row {
  id: number;
  external_ref: string;
  kind: "organization" | "individual";
  name: string;
  purpose: string;
  owner_id: number;
  stage: string;
  stage_since: string;
  created_at: string;
  updated_at: string;
  [column: string]: Cell;
}

export interface TransactionRow extends Row {
  id: number;
  customer_id: number;
  occurred_at: string;
  amount_cents: number;
  cost_cents: number;
  quantity: number;
  product: string;
  channel: string;
  created_at: string;
}

export interface TableSpec {
  readonly table: string;
  readonly columns: readonly string[];
  /** jsonb columns: their values are serialised as JSON rather than as PostgreSQL arrays. */
  readonly json?: readonly string[];
}

const spec = (table: string, columns: string, json?: string[]): TableSpec => ({
  table,
  columns: columns.split(/\s*,\s*/),
  ...(json ? { json } : {}),
});

/** Every table the demo fills, in an order that satisfies the foreign keys. */
export const TABLES = {
  teams: spec("teams", "id, name, created_at"),
  users: spec("users", "id, email, name, password_hash, role, team_id, locale, created_at"),
  valueItems: spec(
    "value_items",
    "id, title, scope, kind, statement, evidence, lifecycle, competitors_lacking, competitors_having, fabe_feature, fabe_advantage, fabe_benefit, fabe_evidence, dimensions, stages, need_kinds, active, created_at",
  ),
  segments: spec(
    "segments",
    "id, name, description, definition, decision, decision_reason, marketing_mode, shared, owner_id, created_at",
    ["definition"],
  ),
  interactionPlans: spec(
    "interaction_plans",
    "id, name, customer_id, segment_id, object, goals, content, channel, frequency_days, starts_on, ends_on, evaluation, status, owner_id, created_at",
    ["goals"],
  ),
  customers: spec(
    "customers",
    "id, external_ref, kind, name, purpose, owner_id, stage, stage_since, phone, email, address, website, industry, region, scale, products, positioning, management_model, marketing_model, org_structure, tags, founded_on, employees, revenue_band, business_philosophy, service_area, reputation, sales_ability, business_results, growth_potential, strengths, problems, trade_terms, credit_grade, closeness, willingness, gender, birth_date, personality, marital_status, family, employer, position, income_band, buying_motives, lifestyle, beliefs, category_spend_cents, notes, created_by, updated_by, created_at, updated_at",
    ["family"],
  ),
  infoSources: spec(
    "info_sources",
    "id, customer_id, field, channel, method, note, recorded_by, created_at",
  ),
  contacts: spec(
    "contacts",
    "id, customer_id, name, title, buying_role, is_key, phone, email, birth_date, personality, interests, notes, created_at",
  ),
  stageEvents: spec("stage_events", "id, customer_id, from_stage, to_stage, reason, actor_id, at"),
  needs: spec(
    "needs",
    "id, customer_id, segment_id, level, kind, human_level, title, what, when_needed, where_needed, why, how_many, price, payment, frequency, status, source, evidence, met_at, created_by, created_at, updated_at",
  ),
  deliveries: spec(
    "deliveries",
    "id, customer_id, round, stage_at_plan, value_item_id, need_id, content, planned_for, medium, status, delivered_at, outcome, outcome_evidence, evaluated_at, owner_id, created_at, updated_at",
  ),
  interactions: spec(
    "interactions",
    "id, customer_id, contact_id, plan_id, channel, content_type, direction, occurred_at, summary, outcome, actor_id, created_at",
  ),
  complaints: spec(
    "complaints",
    "id, customer_id, title, description, cause, step, valid, key_points, solution, follow_up, satisfaction, received_at, step_entered_at, step_due_at, closed_at, owner_id, created_at, updated_at",
  ),
  bonds: spec(
    "bonds",
    "id, customer_id, level, kind, description, started_on, ended_on, created_at",
  ),
  researchNotes: spec(
    "research_notes",
    "id, customer_id, segment_id, need_id, method, channel, info_type, title, body, why_chain, author_id, created_at",
  ),
  consents: spec(
    "consents",
    "id, customer_id, purpose, basis, granted_at, withdrawn_at, recorded_by",
  ),
  transactions: spec(
    "transactions",
    "id, customer_id, occurred_at, amount_cents, cost_cents, quantity, product, channel, created_at",
  ),
} as const satisfies Record<string, TableSpec>;

export type TableKey = keyof typeof TABLES;

/** Tables whose rows belong to one customer, in foreign-key order. */
export const CUSTOMER_TABLES = [
  "customers",
  "infoSources",
  "contacts",
  "stageEvents",
  "needs",
  "deliveries",
  "interactions",
  "complaints",
  "bonds",
  "researchNotes",
  "consents",
  "transactions",
] as const satisfies readonly TableKey[];
export type CustomerTableKey = (typeof CUSTOMER_TABLES)[number];

/** Rows of a batch of customers, grouped by table. */
export type CustomerBatch = {
  [K in Exclude<CustomerTableKey, "customers" | "transactions">]: Row[];
} & {
  customers: CustomerRow[];
  transactions: TransactionRow[];
};

export const emptyCustomerBatch = (): CustomerBatch => ({
  customers: [],
  infoSources: [],
  contacts: [],
  stageEvents: [],
  needs: [],
  deliveries: [],
  interactions: [],
  complaints: [],
  bonds: [],
  researchNotes: [],
  consents: [],
  transactions: [],
});
