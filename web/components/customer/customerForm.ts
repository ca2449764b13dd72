import type { Customer, CustomerField, CustomerPatch } from "../../api/types.js";
import type { FieldSpec } from "./customerFields.js";

const TEXT_TYPES = new Set(["text", "longText", "email", "url", "phone", "enum"]);

/** The fields of `groups` this user may see and change: absent ones are hidden by grade. */
export function editableFields(customer: Customer, fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => !field.readOnly && field.key in customer);
}

/** One value as the API expects it: blank text is null, lists are trimmed and de-duplicated. */
export function normalizeFieldValue(field: FieldSpec, value: unknown): unknown {
  if (value === undefined || value === null) return field.type === "list" ? [] : null;
  if (TEXT_TYPES.has(field.type) || field.type === "date") {
    const text = String(value).trim();
    return text === "" ? null : text;
  }
  if (field.type === "integer" || field.type === "money" || field.type === "score") {
    if (field.type === "score" && value === 0) return null; // Rate reports a cleared value as 0.
    return typeof value === "number" && Number.isFinite(value) ? Math.round(value) : null;
  }
  if (field.type === "list") {
    const items = Array.isArray(value) ? value.map((item) => String(item).trim()) : [];
    return [...new Set(items.filter((item) => item !== ""))];
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

/** The form's initial values: what the API sent, for the fields the form edits. */
export function formValuesOf(
  customer: Customer,
  fields: readonly FieldSpec[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of editableFields(customer, fields))
    values[field.key] = customer[field.key] ?? null;
  return values;
}

/**
 * The PATCH body for an edit: the version the edit started from and only the fields that
 * changed, so a save never overwrites what it did not touch. Null when nothing changed.
 */
export function customerPatch(
  customer: Customer,
  fields: readonly FieldSpec[],
  values: Record<string, unknown>,
): CustomerPatch | null {
  const patch: Record<string, unknown> = {};
  for (const field of editableFields(customer, fields)) {
    if (!(field.key in values)) continue;
    const before = normalizeFieldValue(field, customer[field.key]);
    const after = normalizeFieldValue(field, values[field.key]);
    if (!same(before, after)) patch[field.key] = after;
  }
  if (Object.keys(patch).length === 0) return null;
  return { ...(patch as Partial<Record<CustomerField, never>>), version: customer.version };
}
