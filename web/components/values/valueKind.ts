import type { TFunction } from "i18next";
import { VALUE_KINDS } from "../../../src/shared/enums.js";

/** A value kind's name: the nine defaults are translated, a company's own kinds shown as named. */
export function valueKindLabel(kind: string, t: TFunction<"engine">): string {
  return (VALUE_KINDS as readonly string[]).includes(kind)
    ? t(`valueKind.${kind as (typeof VALUE_KINDS)[number]}`)
    : kind;
}
