/** Building blocks for the API's zod schemas, shared by server, CLI and web forms. */
import { z } from "zod";

/** A database id: a positive integer (ids arrive as strings in paths and query strings). */
export const IdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParamsSchema = z.strictObject({ id: IdSchema });

/** Free text with a bound, trimmed; empty means "not known". */
export const text = (max = 2000) => z.string().trim().max(max);
export const shortText = () => text(200);

/** A calendar date as YYYY-MM-DD that really exists. */
export const DateOnlySchema = z.iso.date();
/** An instant with an explicit offset, e.g. 2025-01-31T10:00:00Z. */
export const DateTimeSchema = z.iso.datetime({ offset: true });

/** Optimistic concurrency: the version the client last read. */
export const VersionSchema = z.number().int().positive();

/** Keyset paging for every list endpoint. */
export const PageQuerySchema = z.object({
  /** How many rows to return (1–200). */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(500).optional(),
});

/** A query-string parameter that may repeat (`?stage=new&stage=old`) or be comma-separated. */
export const manyOf = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((value) => {
      if (value === undefined || value === "") return undefined;
      const list = Array.isArray(value) ? value : [value];
      return list
        .flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
        .filter((v) => v !== "");
    }, z.array(item).max(100))
    .optional();

export const ErrorResponseSchema = z.object({
  error: z.looseObject({
    /** Stable machine id, e.g. validation_error, stale_write, not_found. */
    id: z.string(),
    message: z.string(),
    /** The request field at fault, when one is. */
    field: z.string().optional(),
  }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
