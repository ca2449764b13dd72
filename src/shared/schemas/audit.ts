/** The audit log (SPEC §11): who changed or read what, when; searchable by admins, never editable. */
import { z } from "zod";
import { DateTimeSchema, IdSchema, PageQuerySchema, pageOf, shortText } from "./common.js";

export const AuditQuerySchema = PageQuerySchema.extend({
  /** Only entries by this user. */
  actorId: IdSchema.optional(),
  /** Only entries about this kind of record, e.g. `customer`, `contact`, `consent`. */
  entity: shortText().min(1).optional(),
  /** Only entries about this record (with `entity`, or alone). */
  entityId: shortText().min(1).optional(),
  /** Only entries concerning this customer, whatever the record. */
  customerId: IdSchema.optional(),
  /** Only this action, e.g. `update`, `erase`, `read_confidential`, `export`. */
  action: shortText().min(1).optional(),
  /** Entries at or after this instant. */
  from: DateTimeSchema.optional(),
  /** Entries before this instant. */
  to: DateTimeSchema.optional(),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number(),
  /** When it was recorded (ISO 8601, UTC). */
  at: z.string(),
  /** Who acted; null for the system (e.g. retention). */
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  customerId: z.number().nullable(),
  /** The changed fields before the change; personal values appear as "[redacted]". */
  before: z.unknown(),
  /** The changed fields after the change. */
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = pageOf(AuditEntrySchema);
