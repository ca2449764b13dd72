/**
 * The upgrade conditions' "missing" items arrive as English sentences without a machine key
 * (unlike evidence items). Until the API sends keys, the known sentences of
 * src/shared/ladder/upgradeConditions.ts are matched here and translated; anything else is
 * shown as the server wrote it.
 */
import type { Stage } from "../../../src/shared/enums.js";
import { STAGES } from "../../../src/shared/enums.js";

export type MissingKey =
  | "no_needs"
  | "no_need_met"
  | "open_core_needs"
  | "no_purchase"
  | "few_purchase_days"
  | "low_willingness"
  | "no_wish"
  | "few_accepted"
  | "more_rejected"
  | "unprofitable"
  | "no_inbound"
  | "no_outbound"
  | "too_early"
  | "open_complaints"
  | "profile_incomplete"
  | "no_medium"
  | "no_key_person";

export interface MissingItem {
  key: MissingKey;
  /** Interpolation values; `stage` is a stage key, `date` an ISO day. */
  values: Record<string, string | number>;
}

const PATTERNS: [RegExp, MissingKey, string[]][] = [
  [/^no needs recorded/, "no_needs", []],
  [/^no need met yet$/, "no_need_met", []],
  [/^(\d+) core needs still open/, "open_core_needs", ["count"]],
  [/^no purchase yet$/, "no_purchase", []],
  [
    /^only (\d+) purchase days; a repeat customer buys on (\d+) or more$/,
    "few_purchase_days",
    ["count", "needed"],
  ],
  [/^willingness to cooperate is low$/, "low_willingness", []],
  [/^no sign of the customer's wish/, "no_wish", []],
  [
    /^(\d+) of (\d+) accepted value deliveries expected before (\w+)$/,
    "few_accepted",
    ["count", "needed", "stage"],
  ],
  [/^more deliveries rejected \((\d+)\) than accepted$/, "more_rejected", ["count"]],
  [/^serving the customer costs more than it brings$/, "unprofitable", []],
  [/^no contact from the customer in 12 months$/, "no_inbound", []],
  [/^no contact from us in 12 months$/, "no_outbound", []],
  [
    /^only (\d+) months in (\w+); an upgrade is timely from (\d{4}-\d{2}-\d{2})$/,
    "too_early",
    ["count", "stage", "date"],
  ],
  [/^(\d+) open complaints: resolve them first$/, "open_complaints", ["count"]],
  [
    /^profile only (\d+)% complete \(at least (\d+)% expected\)$/,
    "profile_incomplete",
    ["percent", "needed"],
  ],
  [/^no phone or email on file$/, "no_medium", []],
  [/^no key person on file$/, "no_key_person", []],
];

/** The known item a sentence states, or null to show the sentence itself. */
export function parseMissing(text: string): MissingItem | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values: Record<string, string | number> = {};
    names.forEach((name, i) => {
      const raw = match[i + 1] ?? "";
      values[name] = /^\d+$/.test(raw) ? Number(raw) : raw;
    });
    if ("stage" in values && !STAGES.includes(values.stage as Stage)) return null;
    return { key, values };
  }
  return null;
}
