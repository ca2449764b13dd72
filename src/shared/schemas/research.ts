/** Request and response schemas of market research notes (SPEC §3 means-end chains, §6 research). */
import { z } from "zod";
import { SOURCE_CHANNELS, SOURCE_METHODS } from "../enums.js";
import {
  DateTimeSchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  manyOf,
  pageOf,
  shortText,
  text,
} from "./common.js";

/** How the finding was gathered: the information methods of SPEC §1, means-end questioning, desk research. */
export const RESEARCH_METHODS = [...SOURCE_METHODS, "means_end", "desk_research"] as const;

/** Usual information types to classify findings by; any other may be used. */
export const RESEARCH_INFO_TYPE_EXAMPLES = [
  "need",
  "profile",
  "behaviour",
  "satisfaction",
  "competitor",
  "market",
  "price",
] as const;

export const ResearchFieldsSchema = z.object({
  title: shortText().min(1),
  /** The finding. */
  body: text(20_000).min(1),
  method: z.enum(RESEARCH_METHODS).nullable(),
  /** Where it came from: conversation, marketing event, after-sales, website, publication, consultancy report. */
  channel: z.enum(SOURCE_CHANNELS).nullable(),
  /** What kind of information it is, e.g. need, profile, competitor (see RESEARCH_INFO_TYPE_EXAMPLES). */
  infoType: shortText().min(1).nullable(),
  /** Means-end chain: the successive answers to "why?", from the surface want to the end behind it. */
  whyChain: z.array(text(1000).min(1)).max(20),
});

export const CreateResearchNoteSchema = ResearchFieldsSchema.partial()
  .required({ title: true, body: true })
  .extend({
    /** The customer researched (its notes follow the customer's access). */
    customerId: IdSchema.optional(),
    /** The segment researched. */
    segmentId: IdSchema.optional(),
    /** The need the finding uncovers or explains; its customer or segment is taken from it. */
    needId: IdSchema.optional(),
  })
  .strict();
export type CreateResearchNoteInput = z.infer<typeof CreateResearchNoteSchema>;

export const UpdateResearchNoteSchema = ResearchFieldsSchema.partial()
  .extend({ version: VersionSchema, needId: IdSchema.nullable().optional() })
  .strict();
export type UpdateResearchNoteInput = z.infer<typeof UpdateResearchNoteSchema>;

const NoteFilterShape = {
  customerId: IdSchema.optional(),
  segmentId: IdSchema.optional(),
  method: manyOf(z.enum(RESEARCH_METHODS)),
  channel: manyOf(z.enum(SOURCE_CHANNELS)),
  infoType: manyOf(shortText()),
  /** Recorded at or after this instant. */
  from: DateTimeSchema.optional(),
  /** Recorded before this instant. */
  to: DateTimeSchema.optional(),
};

export const ListResearchNotesQuerySchema = PageQuerySchema.extend({
  ...NoteFilterShape,
  needId: IdSchema.optional(),
  /** Newest first (desc, the default) or oldest first. */
  order: z.enum(["asc", "desc"]).default("desc"),
}).strict();
export type ListResearchNotesQuery = z.infer<typeof ListResearchNotesQuerySchema>;

export const ResearchNoteSchema = z.object({
  id: z.number(),
  customerId: z.number().nullable(),
  segmentId: z.number().nullable(),
  needId: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  method: z.enum(RESEARCH_METHODS).nullable(),
  channel: z.enum(SOURCE_CHANNELS).nullable(),
  infoType: z.string().nullable(),
  whyChain: z.array(z.string()),
  authorId: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type ResearchNote = z.infer<typeof ResearchNoteSchema>;
export const ResearchNotePageSchema = pageOf(ResearchNoteSchema);

export const ResearchSummaryQuerySchema = z
  .object({
    ...NoteFilterShape,
    /** How many customers to list, most-researched first. */
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type ResearchSummaryQuery = z.infer<typeof ResearchSummaryQuerySchema>;

const counted = { count: z.number() };
/** Findings counted by information type, method and customer (SPEC §6: classified and counted). */
export const ResearchSummarySchema = z.object({
  total: z.number(),
  byInfoType: z.array(z.object({ infoType: z.string().nullable(), ...counted })),
  byMethod: z.array(z.object({ method: z.string().nullable(), ...counted })),
  byCustomer: z.array(
    z.object({
      customerId: z.number(),
      name: z.string(),
      ...counted,
      /** The same customer's notes per information type. */
      byInfoType: z.array(z.object({ infoType: z.string().nullable(), ...counted })),
    }),
  ),
});
export type ResearchSummary = z.infer<typeof ResearchSummarySchema>;
