import { useTranslation } from "react-i18next";
import { INFO_TYPE_EXAMPLES, RESEARCH_METHODS } from "../../api/research.js";
import { SOURCE_CHANNELS } from "../../../src/shared/enums.js";

/** Names of research methods, channels and information types; unknown types show as written. */
export function useResearchLabels() {
  const { t } = useTranslation("needs");
  return {
    method: (value: string | null) =>
      value === null
        ? t("research.unclassified")
        : (RESEARCH_METHODS as readonly string[]).includes(value)
          ? t(`research.method.${value as (typeof RESEARCH_METHODS)[number]}`)
          : value,
    channel: (value: string | null) =>
      value === null
        ? t("research.unclassified")
        : (SOURCE_CHANNELS as readonly string[]).includes(value)
          ? t(`research.channel.${value as (typeof SOURCE_CHANNELS)[number]}`)
          : value,
    infoType: (value: string | null) =>
      value === null
        ? t("research.unclassified")
        : (INFO_TYPE_EXAMPLES as readonly string[]).includes(value)
          ? t(`research.infoType.${value as (typeof INFO_TYPE_EXAMPLES)[number]}`)
          : value,
  };
}
