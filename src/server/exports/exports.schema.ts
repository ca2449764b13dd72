/** Query schemas of bulk export (SPEC §13): the customer list's filters, plus format and headers. */
import { z } from "zod";
import { CustomerFilterSchema } from "../../shared/schemas/customers.js";
import { DateTimeSchema } from "../../shared/schemas/common.js";

export const EXPORT_KINDS = ["customers", "contacts", "transactions"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const exportOptions = {
  /** csv (UTF-8 with BOM, so Excel shows Chinese) or xlsx. */
  format: z.enum(EXPORT_FORMATS),
  /** Header names: the API's field names (en, what imports expect) or Chinese (zh, also importable). */
  headers: z.enum(["en", "zh"]).default("en"),
};

/** Customers matching the list's filters. */
export const ExportCustomersQuerySchema = CustomerFilterSchema.extend(exportOptions).strict();

/** Contacts of the customers matching the list's filters. */
export const ExportContactsQuerySchema = CustomerFilterSchema.extend(exportOptions).strict();

/** Transactions of the customers matching the list's filters, optionally within a time range. */
export const ExportTransactionsQuerySchema = CustomerFilterSchema.extend({
  ...exportOptions,
  /** From this instant on (inclusive). */
  from: DateTimeSchema.optional(),
  /** Before this instant (exclusive). */
  to: DateTimeSchema.optional(),
}).strict();

export type ExportQuery = z.infer<typeof ExportTransactionsQuerySchema>;
