/**
 * The columns each import kind takes, as the server names them (src/server/imports/
 * importFields.ts, which the web app may not import), for the column-mapping step. A header the
 * server recognises (English or Chinese) needs no mapping; these are what a column may be
 * mapped to by hand.
 */
import type { ImportKind } from "../../api/imports.js";

export interface ImportFieldSpec {
  field: string;
  required?: boolean;
}

const f = (field: string, required = false): ImportFieldSpec => ({ field, required });

/** Customer fields whose label the customer 360 page already has (`customer.field.*`). */
export const CUSTOMER_LABELLED = [
  "externalRef",
  "kind",
  "name",
  "purpose",
  "stage",
  "phone",
  "email",
  "address",
  "website",
  "industry",
  "region",
  "scale",
  "products",
  "positioning",
  "managementModel",
  "marketingModel",
  "orgStructure",
  "tags",
  "foundedOn",
  "employees",
  "revenueBand",
  "businessPhilosophy",
  "serviceArea",
  "reputation",
  "salesAbility",
  "businessResults",
  "growthPotential",
  "strengths",
  "problems",
  "tradeTerms",
  "creditGrade",
  "closeness",
  "willingness",
  "gender",
  "birthDate",
  "personality",
  "maritalStatus",
  "family",
  "employer",
  "position",
  "incomeBand",
  "buyingMotives",
  "lifestyle",
  "beliefs",
  "notes",
] as const;

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportFieldSpec[]> = {
  customers: [
    f("name", true),
    f("kind", true),
    f("externalRef"),
    f("ownerEmail"),
    f("ownerId"),
    f("categorySpend"),
    ...CUSTOMER_LABELLED.filter((k) => k !== "name" && k !== "kind" && k !== "externalRef").map(
      (k) => f(k),
    ),
  ],
  contacts: [
    f("customerRef", true),
    f("name", true),
    f("title"),
    f("buyingRole"),
    f("isKey"),
    f("phone"),
    f("email"),
    f("birthDate"),
    f("personality"),
    f("interests"),
    f("notes"),
  ],
  transactions: [
    f("customerRef", true),
    f("occurredAt", true),
    f("amount", true),
    f("cost"),
    f("quantity"),
    f("product"),
    f("channel"),
    f("externalRef"),
  ],
};
