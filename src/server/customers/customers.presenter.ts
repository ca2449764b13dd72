/** Shapes customers for the API: ISO times, and only the fields the reader's grade allows. */
import type { Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import type { Customer } from "../../shared/schemas/customers.js";
import type { CustomerRow } from "./customers.repository.js";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function customerRecord(row: CustomerRow) {
  return {
    ...row,
    stageSince: row.stageSince.toISOString(),
    archivedAt: iso(row.archivedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * One customer in full, as far as the actor's grade allows. `confidentialShown` tells the
 * caller to audit the read (SPEC §11).
 */
export function presentCustomer(row: CustomerRow, actor: Actor, grades: FieldGrades) {
  const { visible, confidentialShown } = grades.redact("customer", customerRecord(row), actor);
  const { createdBy: _c, updatedBy: _u, ...customer } = visible;
  return { customer: customer as Customer, confidentialShown };
}

/** A list row: lists never carry confidential fields, whatever the reader's grade. */
export function presentCustomerListItem(
  row: CustomerRow,
  actor: Actor,
  grades: FieldGrades,
): Customer {
  const { visible } = grades.redact("customer", customerRecord(row), actor, "internal");
  const { createdBy: _c, updatedBy: _u, ...customer } = visible;
  return customer as Customer;
}
