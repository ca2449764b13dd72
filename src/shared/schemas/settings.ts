/** Administration settings: field sensitivity grades (SPEC §11, 分级管理) and retention periods. */
import { z } from "zod";
import { GRADES, ROLES } from "../enums.js";
import { VersionSchema, shortText } from "./common.js";
import { CustomerSchema } from "./customers.js";
import { ContactSchema } from "./contacts.js";

export const GRADED_ENTITIES = ["customer", "contact"] as const;
export type GradedEntityName = (typeof GRADED_ENTITIES)[number];

/**
 * The fields of an API shape that may carry a grade: the ones the API may leave out. Required
 * fields (ids, name, stage, version, times) identify the record and are always shown, so a
 * grade on them would break every answer. Derived from the schemas, so a new field shows up here.
 */
const optionalKeys = (shape: Record<string, z.ZodType>) =>
  Object.entries(shape)
    .filter(([, schema]) => schema instanceof z.ZodOptional)
    .map(([key]) => key);

export const GRADABLE_FIELDS: Record<GradedEntityName, readonly string[]> = {
  customer: optionalKeys(CustomerSchema.shape),
  contact: optionalKeys(ContactSchema.shape),
};

export const FieldGradeSchema = z.object({
  /** Which record the field belongs to. */
  entity: z.enum(GRADED_ENTITIES),
  /** The field's name as the API spells it, e.g. `phone`. */
  field: shortText().min(1),
  /** public (everyone), internal (staff roles) or confidential (admins and account managers). */
  grade: z.enum(GRADES),
});
export type FieldGrade = z.infer<typeof FieldGradeSchema>;

export const FieldGradeListSchema = z.object({
  /** Every gradable field of customers and contacts with its grade (public unless set). */
  fields: z.array(FieldGradeSchema),
  /** The most sensitive grade each role may read; fixed in the code, shown for reference. */
  roleCeilings: z.record(z.enum(ROLES), z.enum(GRADES)),
  /** The version of the grades as a whole: send it back when changing them. */
  version: z.number(),
});
export type FieldGradeList = z.infer<typeof FieldGradeListSchema>;

export const UpdateFieldGradesSchema = z
  .strictObject({
    /** The version of the grades you read; if another admin saved since, the change is refused (409). */
    version: VersionSchema,
    /** The grades to set; fields not listed keep theirs. */
    grades: z.array(FieldGradeSchema.strict()).min(1).max(500),
  })
  .superRefine((input, ctx) => {
    input.grades.forEach((item, index) => {
      if (!GRADABLE_FIELDS[item.entity].includes(item.field)) {
        ctx.addIssue({
          code: "custom",
          path: ["grades", index, "field"],
          message: `${item.entity} has no gradable field "${item.field}"`,
        });
      }
    });
  });
export type UpdateFieldGradesInput = z.infer<typeof UpdateFieldGradesSchema>;

const years = z.number().int().min(1).max(100).nullable();

/** How long personal data is kept (PIPL art. 19, GDPR art. 5(1)(e)); null keeps it indefinitely. */
export const RetentionSchema = z.strictObject({
  /** Years after a customer reached the exited stage before it is erased. */
  exitedCustomerYears: years,
  /** Years after which an interaction's free text (summary, outcome) is cleared; the row stays for counts. */
  interactionYears: years,
});
export type Retention = z.infer<typeof RetentionSchema>;

/** The retention periods as the API shows them, with the version to send back when changing them. */
export const RetentionSettingsSchema = RetentionSchema.extend({ version: z.number() });
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

export const UpdateRetentionSchema = RetentionSchema.extend({
  /** The version you read; if another admin saved since, the change is refused (409). */
  version: VersionSchema,
});
export type UpdateRetentionInput = z.infer<typeof UpdateRetentionSchema>;

export const DEFAULT_RETENTION: Retention = { exitedCustomerYears: 5, interactionYears: 3 };
