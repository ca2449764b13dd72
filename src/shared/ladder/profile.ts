/**
 * The key profile fields per kind of customer (SPEC §1) whose presence makes "the information
 * an upgrade needs" (upgrade condition 6). Twelve each, so completeness reads in twelfths.
 */
import type { CustomerKind } from "../enums.js";

export const PROFILE_FIELDS: Record<CustomerKind, readonly string[]> = {
  organization: [
    "phone",
    "email",
    "address",
    "industry",
    "region",
    "scale",
    "employees",
    "revenueBand",
    "tradeTerms",
    "creditGrade",
    "closeness",
    "willingness",
  ],
  individual: [
    "phone",
    "email",
    "address",
    "region",
    "gender",
    "birthDate",
    "employer",
    "position",
    "incomeBand",
    "buyingMotives",
    "closeness",
    "willingness",
  ],
};

/** Share (0–1) of the kind's key fields that hold a value; empty strings and lists count as missing. */
export function profileCompleteness(kind: CustomerKind, record: Record<string, unknown>): number {
  const fields = PROFILE_FIELDS[kind];
  const filled = fields.filter((f) => {
    const v = record[f];
    return v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  }).length;
  return filled / fields.length;
}
