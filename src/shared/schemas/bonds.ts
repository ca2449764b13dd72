/** Request and response schemas of loyalty bonds (SPEC §9: relationship-marketing levels). */
import { z } from "zod";
import { BOND_LEVELS } from "../enums.js";
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

/** Usual kinds per level; any other kind may be recorded. */
export const BOND_KIND_EXAMPLES = {
  financial: ["points", "frequency_reward", "satisfaction_guarantee", "volume_discount"],
  social: ["club", "vip", "personal_service", "association"],
  structural: ["dedicated_technical_service", "joint_lab", "system_integration", "custom_product"],
} as const;

export const BondFieldsSchema = z.object({
  /** financial (frequency rewards, points, guarantees), social (personal service, clubs, VIP) or structural (services the customer cannot get elsewhere). */
  level: z.enum(BOND_LEVELS),
  /** What the bond is, e.g. points, club, vip, dedicated_technical_service (see BOND_KIND_EXAMPLES) or any other. */
  kind: shortText().min(1),
  description: text().nullable(),
  startedOn: DateOnlySchema.nullable(),
  /** When it ended; empty while it lasts. */
  endedOn: DateOnlySchema.nullable(),
});

export const CreateBondSchema = BondFieldsSchema.partial()
  .required({ level: true, kind: true })
  .strict();
export type CreateBondInput = z.infer<typeof CreateBondSchema>;
export const UpdateBondSchema = BondFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdateBondInput = z.infer<typeof UpdateBondSchema>;

export const BondParamsSchema = z.strictObject({ id: IdSchema, bondId: IdSchema });
export const DeleteBondQuerySchema = z.strictObject({
  /** The version you read; if given, a changed bond is not deleted (409). */
  version: z.coerce.number().int().positive().optional(),
});

const BondFilterShape = {
  level: manyOf(z.enum(BOND_LEVELS)),
  kind: manyOf(shortText()),
  /** "true": bonds in force today (not ended); "false": ended ones. */
  active: z.enum(["true", "false"]).optional(),
};
export const CustomerBondsQuerySchema = PageQuerySchema.extend(BondFilterShape).strict();
export const ListBondsQuerySchema = PageQuerySchema.extend({
  customerId: IdSchema.optional(),
  ...BondFilterShape,
}).strict();
export type ListBondsQuery = z.infer<typeof ListBondsQuerySchema>;

export const BondSchema = BondFieldsSchema.extend({
  id: z.number(),
  customerId: z.number(),
  /** In force today: not ended, or ending today or later. */
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type Bond = z.infer<typeof BondSchema>;
export const BondPageSchema = pageOf(BondSchema);
