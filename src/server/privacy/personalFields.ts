/**
 * Which values are personal data, in one place: erasure clears exactly these, and audit
 * payloads never carry their values (so an erased person does not live on in the append-only
 * audit log).
 *
 * Customer and contact fields are personal unless listed as kept: a new field is personal by
 * default, which errs on the side of the person. Kept are the attributes that aggregate numbers
 * are cut by (stage, segmentation attributes, scores of the relationship) and that do not
 * identify anyone on their own.
 */
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { CustomerFieldsSchema } from "../../shared/schemas/customers.js";
import { ContactSchema } from "../../shared/schemas/contacts.js";
import {
  bonds,
  complaints,
  deliveries,
  infoSources,
  interactionPlans,
  interactions,
  needs,
  proposals,
  researchNotes,
  stageEvents,
} from "../db/schema.js";

/** What cleared free text reads afterwards, where a column may not be empty. */
export const ERASED_TEXT = "[已删除]";
/** What stands in an audit payload for a personal value. */
export const REDACTED = "[redacted]";

export const erasedCustomerName = (id: number) => `已删除客户 #${id}`;
export const ERASED_CONTACT_PREFIX = "已删除联系人 #";
export const erasedContactName = (id: number) => `${ERASED_CONTACT_PREFIX}${id}`;

const CUSTOMER_KEPT = new Set([
  "kind",
  "purpose",
  "ownerId",
  "industry",
  "region",
  "scale",
  "products",
  "positioning",
  "managementModel",
  "marketingModel",
  "orgStructure",
  "employees",
  "revenueBand",
  "closeness",
  "willingness",
  "categorySpendCents",
]);
/** Customer fields erased (set to null, empty, or a placeholder name). */
export const CUSTOMER_PERSONAL_FIELDS: readonly string[] = Object.keys(
  CustomerFieldsSchema.shape,
).filter((key) => !CUSTOMER_KEPT.has(key));

const CONTACT_KEPT = new Set([
  "id",
  "customerId",
  "createdAt",
  "updatedAt",
  "version",
  "buyingRole",
  "isKey",
]);
/** Contact fields erased. */
export const CONTACT_PERSONAL_FIELDS: readonly string[] = Object.keys(ContactSchema.shape).filter(
  (key) => !CONTACT_KEPT.has(key),
);

/** How a cleared column reads: null, the placeholder text, an empty text[] or an empty JSON list. */
export type Blank = "null" | "text" | "list" | "json_list";

export interface FreeTextRule {
  /** The table's name in erasure results and the entity name its audit entries use. */
  name: string;
  entity: string;
  table: PgTable;
  customerId: PgColumn;
  /** Free-text fields (by property name) and how each reads once cleared. */
  fields: Record<string, Blank>;
  /** Values written by the system, not by people, left as they are. */
  keep?: Record<string, string[]>;
}

/**
 * Free text in the rows a customer owns: notes, summaries and descriptions may say anything
 * about a person. Codes, amounts, dates and outcomes stay, so counts and rates are unchanged.
 */
export const FREE_TEXT: readonly FreeTextRule[] = [
  {
    name: "interactions",
    entity: "interaction",
    table: interactions,
    customerId: interactions.customerId,
    fields: { summary: "text", outcome: "null" },
  },
  {
    name: "complaints",
    entity: "complaint",
    table: complaints,
    customerId: complaints.customerId,
    fields: {
      title: "text",
      description: "null",
      keyPoints: "null",
      solution: "null",
      followUp: "null",
    },
  },
  {
    name: "researchNotes",
    entity: "research_note",
    table: researchNotes,
    customerId: researchNotes.customerId,
    fields: { title: "text", body: "text", whyChain: "list" },
  },
  {
    name: "needs",
    entity: "need",
    table: needs,
    customerId: needs.customerId,
    fields: {
      title: "text",
      what: "null",
      whenNeeded: "null",
      whereNeeded: "null",
      why: "null",
      howMany: "null",
      price: "null",
      payment: "null",
      frequency: "null",
      evidence: "null",
    },
  },
  {
    name: "deliveries",
    entity: "delivery",
    table: deliveries,
    customerId: deliveries.customerId,
    fields: { content: "null", outcomeEvidence: "null" },
  },
  {
    name: "bonds",
    entity: "bond",
    table: bonds,
    customerId: bonds.customerId,
    fields: { description: "null" },
  },
  {
    name: "infoSources",
    entity: "info_source",
    table: infoSources,
    customerId: infoSources.customerId,
    fields: { note: "null" },
  },
  {
    name: "interactionPlans",
    entity: "interaction_plan",
    table: interactionPlans,
    customerId: interactionPlans.customerId,
    fields: { name: "text", content: "null", evaluation: "null", goals: "json_list" },
  },
  {
    name: "proposals",
    entity: "proposal",
    table: proposals,
    customerId: proposals.customerId,
    fields: { decisionNote: "null" },
  },
  {
    name: "stageHistory",
    entity: "stage_event",
    table: stageEvents,
    customerId: stageEvents.customerId,
    fields: { reason: "text" },
    keep: { reason: ["registered"] },
  },
];

/**
 * Fields whose values never go into an audit payload, by the entity name callers of
 * `recordAudit` use. A customer's stage change is audited on the customer with its `reason`.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  customer: [...CUSTOMER_PERSONAL_FIELDS, "reason"],
  contact: CONTACT_PERSONAL_FIELDS,
  ...Object.fromEntries(FREE_TEXT.map((rule) => [rule.entity, Object.keys(rule.fields)])),
};
