/** Request and response schemas of bulk import (SPEC §13): preview, run, and follow an import. */
import { z } from "zod";
import { IdSchema, shortText } from "../../shared/schemas/common.js";

export const IMPORT_KINDS = ["customers", "contacts", "transactions"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindSchema = z.enum(IMPORT_KINDS);

/** running → (publishing, on the embedded database) → succeeded | failed. */
export const IMPORT_STATUSES = ["running", "publishing", "succeeded", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => value === "true" || value === "1");

export const ImportParamsSchema = z.strictObject({
  /** What the file holds. */
  kind: ImportKindSchema,
});

export const ImportQuerySchema = z.strictObject({
  /** Check every row and answer with a preview; nothing is written. */
  dryRun: flag,
  /** The file's name, for the import's record (multipart uploads carry their own). */
  fileName: shortText().min(1).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

export const ImportHeadersSchema = z.looseObject({
  /** Repeating an import with the same key after it succeeded returns the first result. */
  "idempotency-key": z.string().trim().min(1).max(200).optional(),
});

/** One bad row: where and why. */
export const ImportRowErrorSchema = z.object({
  /** Line of the file (CSV) or row of the sheet (xlsx), counting the header as 1. */
  line: z.number(),
  /** The field at fault, when one is. */
  field: z.string().optional(),
  /** The file's header of that field. */
  column: z.string().optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportColumnSchema = z.object({ header: z.string(), field: z.string() });

export const ImportPreviewSchema = z.object({
  kind: ImportKindSchema,
  /** True when the file would import as it is. */
  valid: z.boolean(),
  /** Data rows read (the header not counted). */
  rowCount: z.number(),
  /** Bad rows in all; `errors` lists the first of them. */
  errorCount: z.number(),
  errors: z.array(ImportRowErrorSchema),
  /** The first rows as they would be stored. */
  sample: z.array(z.record(z.string(), z.unknown())),
  /** How the file's headers were understood. */
  columns: z.array(ImportColumnSchema),
  /** Headers that match no field; those columns are not imported. */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const IMPORT_PHASES = ["reading", "publishing", "summarising", "done"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const ImportProgressSchema = z.object({
  phase: z.enum(IMPORT_PHASES),
  /** Data rows read and checked so far. */
  rowsRead: z.number(),
  /** Rows written to their table so far. */
  rowsPublished: z.number(),
  /** All data rows, once the whole file has been read. */
  totalRows: z.number().nullable(),
  bytesRead: z.number(),
  /** The file's size, when known. */
  totalBytes: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const ImportRecordSchema = z.object({
  id: z.number(),
  kind: ImportKindSchema,
  fileName: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  /** Rows imported (when succeeded). */
  rowCount: z.number(),
  /** Why it failed: the first bad line, or what interrupted it. */
  error: ImportRowErrorSchema.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Live progress while it runs in this server. */
  progress: ImportProgressSchema.nullable(),
  /** True when an earlier import with the same idempotency key is being returned. */
  replayed: z.boolean().optional(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

export const ImportIdParamsSchema = z.strictObject({ id: IdSchema });

export const ListImportsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ImportListSchema = z.object({ items: z.array(ImportRecordSchema) });
