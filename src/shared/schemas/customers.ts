/** Request and response schemas of the customer information base (SPEC §1). */
import { z } from "zod";
import {
  BOND_LEVELS,
  CUSTOMER_KINDS,
  CUSTOMER_PURPOSES,
  GENDERS,
  NEED_KINDS,
  NEED_LEVELS,
  SCALES,
  STAGES,
} from "../enums.js";
import {
  DateOnlySchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  shortText,
  text,
} from "./common.js";

const tagList = z.array(shortText().min(1)).max(50);
const score = z.number().int().min(1).max(5);

/** Every editable field of a customer; all optional so one shape serves create and update. */
export const CustomerFieldsSchema = z.object({
  /** Key of the customer in an outside system or import file. */
  externalRef: shortText().min(1).nullable(),
  kind: z.enum(CUSTOMER_KINDS),
  name: shortText().min(1),
  /** Customer type by purpose: user, intermediary or public-interest body. */
  purpose: z.enum(CUSTOMER_PURPOSES),
  /** The account manager who serves this customer. */
  ownerId: IdSchema,
  phone: shortText().nullable(),
  email: z.email().max(200).nullable(),
  address: text(500).nullable(),
  website: shortText().nullable(),
  industry: shortText().nullable(),
  region: shortText().nullable(),
  scale: z.enum(SCALES).nullable(),
  products: tagList,
  positioning: shortText().nullable(),
  managementModel: shortText().nullable(),
  marketingModel: shortText().nullable(),
  orgStructure: shortText().nullable(),
  tags: tagList,
  foundedOn: DateOnlySchema.nullable(),
  employees: z.number().int().min(0).max(10_000_000).nullable(),
  revenueBand: shortText().nullable(),
  businessPhilosophy: text().nullable(),
  serviceArea: text(500).nullable(),
  reputation: text().nullable(),
  salesAbility: text().nullable(),
  businessResults: text().nullable(),
  growthPotential: text().nullable(),
  strengths: text().nullable(),
  problems: text().nullable(),
  tradeTerms: text().nullable(),
  creditGrade: shortText().nullable(),
  /** How close the relationship is, 1 (distant) to 5 (very close). */
  closeness: score.nullable(),
  /** Willingness to cooperate, 1 to 5. */
  willingness: score.nullable(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: DateOnlySchema.nullable(),
  personality: text().nullable(),
  maritalStatus: shortText().nullable(),
  family: z
    .object({
      spouse: shortText().optional(),
      spouseBirthday: DateOnlySchema.optional(),
      children: z
        .array(z.strictObject({ name: shortText(), birthday: DateOnlySchema.optional() }))
        .max(20)
        .optional(),
    })
    .strict()
    .nullable(),
  employer: shortText().nullable(),
  position: shortText().nullable(),
  incomeBand: shortText().nullable(),
  buyingMotives: text().nullable(),
  lifestyle: text().nullable(),
  beliefs: text().nullable(),
  /** The customer's yearly spend in our category, in cents, for share of wallet. */
  categorySpendCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  notes: text(5000).nullable(),
});

export const CreateCustomerSchema = CustomerFieldsSchema.partial()
  .required({ kind: true, name: true })
  .extend({
    /** Starting stage; a new record usually starts as potential. */
    stage: z.enum(STAGES).optional(),
  })
  .strict();
export type CreateCustomerInput = z.infer<typeof CreateCustomerSchema>;

export const UpdateCustomerSchema = CustomerFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerSchema>;

export const ArchiveCustomerSchema = z.strictObject({ version: VersionSchema });

export const CUSTOMER_SORTS = ["name", "createdAt", "updatedAt", "stage", "id"] as const;

/** A customer filter: the list's query and a saved segment's definition are this shape. */
export const CustomerFilterSchema = z.object({
  /** Text search over name, external reference and email (substring; works for Chinese). */
  q: z.string().trim().max(200).optional(),
  stage: manyOf(z.enum(STAGES)),
  kind: manyOf(z.enum(CUSTOMER_KINDS)),
  purpose: manyOf(z.enum(CUSTOMER_PURPOSES)),
  industry: manyOf(shortText()),
  region: manyOf(shortText()),
  scale: manyOf(z.enum(SCALES)),
  positioning: manyOf(shortText()),
  managementModel: manyOf(shortText()),
  marketingModel: manyOf(shortText()),
  orgStructure: manyOf(shortText()),
  ownerId: manyOf(IdSchema),
  /** Customers having any of these tags. */
  tag: manyOf(shortText()),
  /** Customers having bought any of these products. */
  product: manyOf(shortText()),
  /** Scores of the latest analytics refresh: ABC class, RFM segment, CLV quadrant, life-cycle phase. */
  abcClass: manyOf(z.enum(["A", "B", "C"])),
  rfmSegment: manyOf(shortText()),
  clvQuadrant: manyOf(z.enum(["mvc", "mgc", "maintain", "abandon"])),
  lifecyclePhase: manyOf(z.enum(["acquisition", "growth", "maturity", "decline", "termination"])),
  /** Customers with an unmet need (open, being met or deferred) of any of these levels … */
  needLevel: manyOf(z.enum(NEED_LEVELS)),
  /** … and of any of these kinds (with both, one need must match both). */
  needKind: manyOf(z.enum(NEED_KINDS)),
  /** Customers with a bond in force at any of these levels. */
  bondLevel: manyOf(z.enum(BOND_LEVELS)),
  /** Include archived customers ("true"), only them ("only"), or not (default). */
  archived: z.enum(["false", "true", "only"]).optional(),
});
export type CustomerFilter = z.infer<typeof CustomerFilterSchema>;

export const ListCustomersQuerySchema = PageQuerySchema.extend(CustomerFilterSchema.shape)
  .extend({
    sort: z.enum(CUSTOMER_SORTS).default("id"),
    order: z.enum(["asc", "desc"]).default("asc"),
  })
  .strict();
export type ListCustomersQuery = z.infer<typeof ListCustomersQuerySchema>;

/** A customer as the API shows it; fields the reader's grade does not allow are absent. */
export const CustomerSchema = CustomerFieldsSchema.partial().extend({
  id: z.number(),
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable().optional(),
  stage: z.enum(STAGES),
  stageSince: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const CustomerPageSchema = pageOf(CustomerSchema);
