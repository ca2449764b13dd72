/** Customer-value analytics (SPEC §7, §8, §12) as the API shows them. */
import { z } from "zod";
import { DateTimeSchema } from "./common.js";

export const RefreshRequestSchema = z.strictObject({
  /** Score the base as of this instant (default: now). */
  asOf: DateTimeSchema.optional(),
  /** CLV horizon in months (default 12). */
  horizonMonths: z.number().int().min(1).max(120).optional(),
  /** Monthly discount rate for CLV (default 0.01). */
  monthlyDiscountRate: z.number().min(0).max(0.5).optional(),
});
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const RunSchema = z.object({
  id: z.number(),
  asOf: z.string(),
  publishedAt: z.string().nullable(),
  fit: z.unknown(),
});

export const RefreshStatusSchema = z.object({
  running: z.boolean(),
  phase: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  error: z.string().nullable(),
  lastRun: RunSchema.nullable(),
});

const count = z.number().int();
export const OverviewSchema = z.object({
  run: RunSchema.nullable(),
  customersScored: count,
  clvTotalCents: z.number(),
  abc: z.array(z.object({ abcClass: z.string(), customers: count, revenueCents: z.number() })),
  rfmSegments: z.array(z.object({ segment: z.string(), customers: count })),
  rfmGrid: z.array(z.object({ r: count, f: count, customers: count })),
  quadrants: z.array(
    z.object({
      quadrant: z.string(),
      customers: count,
      clvCents: z.number(),
      profitCents: z.number(),
    }),
  ),
  lifecycle: z.array(
    z.object({
      phase: z.string(),
      customers: count,
      revenueCents: z.number(),
      costCents: z.number(),
    }),
  ),
});

export const ParetoSchema = z.object({
  points: z.array(z.object({ customerShare: z.number(), valueShare: z.number() })),
});

export const ClvScatterQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(5000).default(1500),
});
export const ClvScatterSchema = z.object({
  points: z.array(
    z.object({
      customerId: z.number(),
      name: z.string(),
      profitCents: z.number(),
      clvCents: z.number().nullable(),
      pAlive: z.number().nullable(),
      quadrant: z.string().nullable(),
    }),
  ),
});

export const RetentionQuerySchema = z.strictObject({
  period: z.enum(["month", "quarter", "year"]).default("quarter"),
});
export const RetentionSchema = z.object({
  period: z.string(),
  cohorts: z.array(
    z.object({
      cohort: z.string(),
      size: count,
      retained: z.array(count),
      retention: z.array(z.number()),
    }),
  ),
});

export const SizeTiersSchema = z.object({
  tiers: z.array(
    z.object({
      tier: z.string(),
      customers: count,
      revenueCents: z.number(),
      costCents: z.number(),
      profitCents: z.number(),
    }),
  ),
});

/** Per RFM segment of the latest run: size, revenue, and the raw R, F and M behind the scores. */
export const RfmSegmentProfilesSchema = z.object({
  segments: z.array(
    z.object({
      segment: z.string(),
      customers: count,
      revenueCents: z.number(),
      /** Mean days from the last purchase to the run's as-of date. */
      averageRecencyDays: z.number(),
      /** Mean number of distinct purchase days. */
      averageFrequency: z.number(),
      /** Mean revenue per customer. */
      averageMonetaryCents: z.number(),
    }),
  ),
});
