/** Contacts: the key people of a customer (SPEC §1). */
import { z } from "zod";
import { CONTACT_BUYING_ROLES } from "../enums.js";
import {
  DateOnlySchema,
  IdSchema,
  PageQuerySchema,
  VersionSchema,
  pageOf,
  shortText,
  text,
} from "./common.js";

const ContactFieldsSchema = z.object({
  name: shortText().min(1),
  /** Job title, e.g. 采购经理. */
  title: shortText().nullable(),
  /** Role in buying decisions. */
  buyingRole: z.enum(CONTACT_BUYING_ROLES).nullable(),
  /** A key person for the relationship. */
  isKey: z.boolean(),
  phone: shortText().nullable(),
  email: z.email().max(200).nullable(),
  birthDate: DateOnlySchema.nullable(),
  personality: text().nullable(),
  interests: text().nullable(),
  notes: text(5000).nullable(),
});

export const CreateContactSchema = ContactFieldsSchema.partial().required({ name: true }).strict();
export type CreateContactInput = z.infer<typeof CreateContactSchema>;
export const UpdateContactSchema = ContactFieldsSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type UpdateContactInput = z.infer<typeof UpdateContactSchema>;

export const ContactSchema = ContactFieldsSchema.partial().extend({
  id: z.number(),
  customerId: z.number(),
  name: z.string(),
  isKey: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactParamsSchema = z.strictObject({ id: IdSchema, contactId: IdSchema });
export const ListContactsQuerySchema = PageQuerySchema.strict();
export const ContactPageSchema = pageOf(ContactSchema);
