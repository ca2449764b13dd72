/**
 * The customer profile as SPEC §1 groups it. One definition drives both the read view and the
 * edit form, so a field added here shows up, labelled and typed, in both.
 */
import type { CustomerKind } from "../../../src/shared/enums.js";
import { CUSTOMER_PURPOSES, GENDERS, SCALES } from "../../../src/shared/enums.js";
import type { CustomerField } from "../../api/types.js";
import type { Messages } from "../../i18n/en.js";

/** A profile field that has a label in the translation files. */
export type ProfileField = CustomerField & keyof Messages["customer"]["field"];

export type FieldType =
  | "text"
  | "longText"
  | "email"
  | "url"
  | "phone"
  | "date"
  | "instant"
  | "integer"
  /** 1 (low) to 5 (high). */
  | "score"
  | "money"
  | "list"
  | "enum"
  | "stage"
  | "kind"
  | "family";

/** Option lists whose labels live in the translation files under the same name. */
export type EnumName = "purpose" | "scale" | "gender";
export const ENUM_OPTIONS: Record<EnumName, readonly string[]> = {
  purpose: CUSTOMER_PURPOSES,
  scale: SCALES,
  gender: GENDERS,
};

export interface FieldSpec {
  key: ProfileField;
  type: FieldType;
  enumName?: EnumName;
  /** Changed through its own command (stage change, reassignment) or not at all. */
  readOnly?: boolean;
  required?: boolean;
  /** Takes the whole row of the form and the description list. */
  wide?: boolean;
}

export type GroupKey =
  "basic" | "organization" | "business" | "transaction" | "individual" | "segmentation";

export interface FieldGroup {
  key: GroupKey;
  /** The customer kinds the group describes. */
  kinds: readonly CustomerKind[];
  fields: readonly FieldSpec[];
}

const BOTH = ["organization", "individual"] as const;

export const CUSTOMER_GROUPS: readonly FieldGroup[] = [
  {
    key: "basic",
    kinds: BOTH,
    fields: [
      { key: "name", type: "text", required: true },
      { key: "kind", type: "kind", readOnly: true },
      { key: "purpose", type: "enum", enumName: "purpose" },
      { key: "stage", type: "stage", readOnly: true },
      { key: "stageSince", type: "instant", readOnly: true },
      { key: "ownerName", type: "text", readOnly: true },
      { key: "externalRef", type: "text" },
      { key: "phone", type: "phone" },
      { key: "email", type: "email" },
      { key: "website", type: "url" },
      { key: "address", type: "text", wide: true },
      { key: "notes", type: "longText", wide: true },
    ],
  },
  {
    key: "organization",
    kinds: ["organization"],
    fields: [
      { key: "foundedOn", type: "date" },
      { key: "employees", type: "integer" },
      { key: "revenueBand", type: "text" },
      { key: "serviceArea", type: "text" },
      { key: "businessPhilosophy", type: "longText", wide: true },
      { key: "reputation", type: "longText", wide: true },
    ],
  },
  {
    key: "business",
    kinds: ["organization"],
    fields: [
      { key: "salesAbility", type: "text" },
      { key: "businessResults", type: "text" },
      { key: "growthPotential", type: "text" },
      { key: "strengths", type: "longText", wide: true },
      { key: "problems", type: "longText", wide: true },
    ],
  },
  {
    key: "individual",
    kinds: ["individual"],
    fields: [
      { key: "gender", type: "enum", enumName: "gender" },
      { key: "birthDate", type: "date" },
      { key: "maritalStatus", type: "text" },
      { key: "personality", type: "text" },
      { key: "employer", type: "text" },
      { key: "position", type: "text" },
      { key: "incomeBand", type: "text" },
      // Structured (spouse, children, birthdays): shown here, edited in its own form later.
      { key: "family", type: "family", readOnly: true, wide: true },
      { key: "buyingMotives", type: "longText", wide: true },
      { key: "lifestyle", type: "longText", wide: true },
      { key: "beliefs", type: "longText", wide: true },
    ],
  },
  {
    key: "transaction",
    kinds: BOTH,
    fields: [
      { key: "tradeTerms", type: "text" },
      { key: "creditGrade", type: "text" },
      { key: "closeness", type: "score" },
      { key: "willingness", type: "score" },
      { key: "categorySpendCents", type: "money" },
    ],
  },
  {
    key: "segmentation",
    kinds: BOTH,
    fields: [
      { key: "industry", type: "text" },
      { key: "region", type: "text" },
      { key: "scale", type: "enum", enumName: "scale" },
      { key: "positioning", type: "text" },
      { key: "managementModel", type: "text" },
      { key: "marketingModel", type: "text" },
      { key: "orgStructure", type: "text" },
      { key: "products", type: "list", wide: true },
      { key: "tags", type: "list", wide: true },
    ],
  },
];

export function groupsFor(kind: CustomerKind): FieldGroup[] {
  return CUSTOMER_GROUPS.filter((group) => group.kinds.includes(kind));
}
