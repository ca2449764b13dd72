/**
 * Translations of what the ladder API sends as machine keys with values: evidence items, the
 * conditions' missing items, proposal rules. The server's English sentence is the fallback for
 * a key this version does not know.
 */
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import { STAGES } from "../../../src/shared/enums.js";
import type { EvidenceItem } from "../../api/ladder.js";
import { formatDate, formatMoney } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { parseMissing } from "./missingText.js";

const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage);

export function useLadderText() {
  const { t, i18n } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const { language } = useFormat();
  const stage = (value: unknown) => (isStage(value) ? tc(`stage.${value}`) : String(value));

  function evidence(item: EvidenceItem): string {
    const key = `evidence.${item.key}`;
    if (!i18n.exists(`ladder:${key}`)) return item.text;
    const value = item.value;
    const values: Record<string, string | number> = {
      value: typeof value === "number" ? value : String(value ?? ""),
      count: typeof value === "number" ? value : 0,
    };
    if (item.key === "profit_cents" && typeof value === "number")
      values.money = formatMoney(value, language);
    if (item.key === "p_alive" && typeof value === "number")
      values.percent = `${(value * 100).toFixed(1)}%`;
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
      values.date = formatDate(value, language);
    if (item.key === "fell_from") values.stage = stage(value);
    // Zero open complaints or core needs is good news, said differently.
    const zero = (item.key === "open_complaints" || item.key === "open_core_needs") && value === 0;
    return t((zero ? `${key}Zero` : key) as "evidence.needs_met", values);
  }

  function missing(text: string): string {
    const parsed = parseMissing(text);
    if (!parsed) return text;
    const values: Record<string, string | number> = { ...parsed.values };
    if (typeof values.stage === "string") values.stage = stage(values.stage);
    if (typeof values.date === "string") values.date = formatDate(values.date, language);
    return t(`missing.${parsed.key}` as "missing.no_needs", values);
  }

  const rule = (key: string) => t(`rule.${key}` as "rule.repeat_to_old", { defaultValue: key });

  return { evidence, missing, rule, stage };
}
