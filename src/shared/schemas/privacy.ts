/**
 * Privacy of the people behind customers (China's PIPL, GDPR style): consents with purpose and
 * legal basis, a subject-access export, and erasure that keeps aggregate numbers intact.
 */
import { z } from "zod";
import { DateTimeSchema, IdSchema, VersionSchema, shortText, text } from "./common.js";
import { CustomerSchema } from "./customers.js";
import { ContactSchema } from "./contacts.js";
import { AuditEntrySchema } from "./audit.js";

/** Why processing is lawful (PIPL art. 13; GDPR art. 6(1) a–c, f). */
export const LEGAL_BASES = [
  "consent",
  "contract",
  "legal_obligation",
  "legitimate_interest",
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const ConsentParamsSchema = z.strictObject({ id: IdSchema, consentId: IdSchema });

export const CreateConsentSchema = z.strictObject({
  /** What the data is used for, e.g. 营销短信, newsletter, credit check. */
  purpose: shortText().min(1),
  /** The legal basis of the processing; consent unless stated. */
  basis: z.enum(LEGAL_BASES).default("consent"),
  /** When it was granted (defaults to now). */
  grantedAt: DateTimeSchema.optional(),
});
export type CreateConsentInput = z.infer<typeof CreateConsentSchema>;

export const WithdrawConsentSchema = z
  .strictObject({
    /** When the person withdrew (defaults to now). */
    at: DateTimeSchema.optional(),
  })
  .nullish();
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentSchema>;

export const ConsentSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  purpose: z.string(),
  basis: z.enum(LEGAL_BASES),
  grantedAt: z.string(),
  /** Null while the consent holds. */
  withdrawnAt: z.string().nullable(),
  recordedBy: z.number().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentListSchema = z.object({ items: z.array(ConsentSchema) });

export const EraseCustomerSchema = z.strictObject({
  /** The customer's version as you read it; a stale one is refused. */
  version: VersionSchema,
  /** Why (the request, its date and reference): kept in the audit log. Do not put personal data here. */
  reason: text(500).min(1),
});
export type EraseCustomerInput = z.infer<typeof EraseCustomerSchema>;

export const ErasureResultSchema = z.object({
  customerId: z.number(),
  /** Customer fields cleared or replaced by a placeholder. */
  customerFields: z.array(z.string()),
  contacts: z.number(),
  /** Rows of other tables whose free text was cleared, by table. */
  cleared: z.record(z.string(), z.number()),
  consentsWithdrawn: z.number(),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

const rows = z.array(z.record(z.string(), z.unknown()));

/** Everything held about one customer, as one document (PIPL art. 45, GDPR art. 15). */
export const PersonalDataSchema = z.object({
  exportedAt: z.string(),
  /** False when the exporter's grade hid some fields; an admin's export is complete. */
  complete: z.boolean(),
  customer: CustomerSchema,
  contacts: z.array(ContactSchema),
  consents: z.array(ConsentSchema),
  infoSources: rows,
  needs: rows,
  deliveries: rows,
  interactionPlans: rows,
  interactions: rows,
  complaints: rows,
  bonds: rows,
  transactions: rows,
  purchaseSummary: z.record(z.string(), z.unknown()).nullable(),
  researchNotes: rows,
  stageHistory: rows,
  proposals: rows,
  scores: rows,
  /** Audit entries concerning this customer, oldest first. */
  audit: z.array(AuditEntrySchema),
});
export type PersonalData = z.infer<typeof PersonalDataSchema>;
