import type { Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import type { Contact } from "../../shared/schemas/contacts.js";
import type { ContactRow } from "./contacts.repository.js";

/** A contact with the fields the reader's grade allows; says whether confidential ones were shown. */
export function presentContact(row: ContactRow, actor: Actor, grades: FieldGrades) {
  const { visible, confidentialShown } = grades.redact(
    "contact",
    { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() },
    actor,
  );
  return { contact: visible as Contact, confidentialShown };
}
