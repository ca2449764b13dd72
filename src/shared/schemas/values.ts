/** Request and response schemas of the company's value catalogue (SPEC §4). */
import { z } from "zod";
import { NEED_KINDS, STAGES, VALUE_DIMENSIONS, VALUE_LIFECYCLES, VALUE_SCOPES } from "../enums.js";
import { PageQuerySchema, VersionSchema, manyOf, pageOf, shortText, text } from "./common.js";

const names = z.array(shortText().min(1)).max(50);

/** How an account manager puts the value in front of a customer. */
export const FabeSchema = z.strictObject({
  /** Feature: what it is. */
  feature: text().nullable().optional(),
  /** Advantage: what it does better. */
  advantage: text().nullable().optional(),
  /** Benefit: what it brings to this kind of customer. */
  benefit: text().nullable().optional(),
  /** Evidence: what proves it. */
  evidence: text().nullable().optional(),
});

/**
 * A value kind: one of the nine defaults (`VALUE_KINDS`: product, service, people, model,
 * technology, customer_resources, brand, social, historical) or any other the company names.
 */
export const ValueKindSchema = z.string().trim().min(1).max(60);

/** Every editable field of a value item; all optional so one shape serves create and update. */
export const ValueFieldsSchema = z.object({
  /** A short name, e.g. "24 小时备件到场". */
  title: shortText().min(1),
  /** core, additional or potential value. */
  scope: z.enum(VALUE_SCOPES),
  kind: ValueKindSchema,
  /** The value in one or two sentences. */
  statement: text().min(1),
  /** What shows we really deliver it. */
  evidence: text().nullable(),
  /** emerging, growing, mature or declining. */
  lifecycle: z.enum(VALUE_LIFECYCLES),
  /** Competitors that lack it: with none having it, this is our unique value. */
  competitorsLacking: names,
  /** Competitors that have it too (parity). */
  competitorsHaving: names,
  fabe: FabeSchema,
  /** The value-creation dimensions it moves a customer along (SPEC §4). */
  dimensions: z.array(z.enum(VALUE_DIMENSIONS)).max(VALUE_DIMENSIONS.length),
  /** Ladder stages whose playbook it suits. */
  stages: z.array(z.enum(STAGES)).max(STAGES.length),
  /** Need kinds it answers; used to match a customer's open needs. */
  needKinds: z.array(z.enum(NEED_KINDS)).max(NEED_KINDS.length),
  /** Offered now; retire an item by setting false (deliveries keep pointing at it). */
  active: z.boolean(),
});

export const CreateValueItemSchema = ValueFieldsSchema.partial()
  .required({ title: true, scope: true, kind: true, statement: true })
  .strict();
export type CreateValueItemInput = z.infer<typeof CreateValueItemSchema>;

export const UpdateValueItemSchema = ValueFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdateValueItemInput = z.infer<typeof UpdateValueItemSchema>;

export const ListValueItemsQuerySchema = PageQuerySchema.extend({
  /** Title or statement contains this text. */
  q: z.string().trim().max(200).optional(),
  kind: manyOf(ValueKindSchema),
  scope: manyOf(z.enum(VALUE_SCOPES)),
  /** Items on any of these dimensions. */
  dimension: manyOf(z.enum(VALUE_DIMENSIONS)),
  /** Items suited to any of these stages. */
  stage: manyOf(z.enum(STAGES)),
  /** Items answering any of these need kinds. */
  needKind: manyOf(z.enum(NEED_KINDS)),
  lifecycle: manyOf(z.enum(VALUE_LIFECYCLES)),
  /** Only unique ("true") or only non-unique ("false") items. */
  unique: z.enum(["true", "false"]).optional(),
  /** Active items (default), retired ones ("false") or both ("all"). */
  active: z.enum(["true", "false", "all"]).default("true"),
}).strict();
export type ListValueItemsQuery = z.infer<typeof ListValueItemsQuerySchema>;

export const ValueItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  scope: z.enum(VALUE_SCOPES),
  kind: z.string(),
  statement: z.string(),
  evidence: z.string().nullable(),
  lifecycle: z.enum(VALUE_LIFECYCLES),
  competitorsLacking: z.array(z.string()),
  competitorsHaving: z.array(z.string()),
  /** Our unique value: at least one named competitor lacks it and none is known to have it. */
  unique: z.boolean(),
  fabe: z.object({
    feature: z.string().nullable(),
    advantage: z.string().nullable(),
    benefit: z.string().nullable(),
    evidence: z.string().nullable(),
  }),
  dimensions: z.array(z.enum(VALUE_DIMENSIONS)),
  stages: z.array(z.enum(STAGES)),
  needKinds: z.array(z.enum(NEED_KINDS)),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ValueItem = z.infer<typeof ValueItemSchema>;
export const ValueItemPageSchema = pageOf(ValueItemSchema);

export const ValueCoverageQuerySchema = z
  .object({
    /** A cell with fewer items than this is flagged thin (default 2). */
    thinBelow: z.coerce.number().int().min(1).max(100).default(2),
  })
  .strict();

const cell = { count: z.number(), unique: z.number(), thin: z.boolean() };
/** Counts of active items per kind × scope, kind, dimension and stage, zeros included. */
export const ValueCoverageSchema = z.object({
  total: z.number(),
  thinBelow: z.number(),
  byKindScope: z.array(z.object({ kind: z.string(), scope: z.enum(VALUE_SCOPES), ...cell })),
  byKind: z.array(z.object({ kind: z.string(), isDefault: z.boolean(), ...cell })),
  byDimension: z.array(z.object({ dimension: z.enum(VALUE_DIMENSIONS), ...cell })),
  byStage: z.array(z.object({ stage: z.enum(STAGES), ...cell })),
});
export type ValueCoverageResponse = z.infer<typeof ValueCoverageSchema>;
