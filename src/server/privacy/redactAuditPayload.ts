/**
 * Audit rows are append-only, so a personal value written into one could never be erased.
 * Hence the rule: an audit payload names the personal fields that changed but never holds
 * their values. `recordAudit` applies this to `before` and `after` of every entry.
 */
import type { FieldGrades } from "../auth/fieldGrades.js";
import { PERSONAL_FIELDS, REDACTED } from "./personalFields.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The payload with the value of every personal field, and of every customer or contact field
 * graded confidential, replaced by "[redacted]". Null stays null: that a field was empty says
 * nothing about anyone. Lists of records are redacted item by item; anything else is returned
 * as it is.
 */
export function redactAuditPayload(
  entity: string,
  payload: unknown,
  grades?: Pick<FieldGrades, "gradeOf">,
): unknown {
  if (Array.isArray(payload))
    return payload.map((item) => redactAuditPayload(entity, item, grades));
  if (!isRecord(payload)) return payload;
  const personal = new Set(PERSONAL_FIELDS[entity] ?? []);
  const graded = entity === "customer" || entity === "contact";
  const redacted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    const hide =
      value !== null &&
      value !== undefined &&
      (personal.has(key) || (graded && grades?.gradeOf(entity, key) === "confidential"));
    redacted[key] = hide ? REDACTED : value;
  }
  return redacted;
}
