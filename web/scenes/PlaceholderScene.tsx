import { useTranslation } from "react-i18next";
import { ScenePlaceholder } from "../components/ScenePlaceholder.js";
import type { Messages } from "../i18n/en.js";

export type PlaceholderTopic = Exclude<keyof Messages["placeholder"], "comingSoon">;

/** A scene still to be built: what it will show, in the user's language. */
export function PlaceholderScene({ topic }: { topic: PlaceholderTopic }) {
  const { t } = useTranslation();
  return (
    <ScenePlaceholder
      title={t(`nav.${topic}`)}
      badge={t("placeholder.comingSoon")}
      description={t(`placeholder.${topic}`)}
    />
  );
}
