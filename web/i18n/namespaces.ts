/**
 * Scene namespaces beside the shared `translation` one: a scene's strings live in their own pair
 * of files (`dashboard.en.ts` is the source of the keys, `dashboard.zh-CN.ts` must match it) and
 * are used as `useTranslation("dashboard")` or `t("dashboard:key")`. A new namespace is one
 * entry in NAMESPACES.
 */
import type { Language } from "./languages.js";
import { analyticsEn } from "./analytics.en.js";
import { analyticsZhCN } from "./analytics.zh-CN.js";
import { customer360En } from "./customer360.en.js";
import { customer360ZhCN } from "./customer360.zh-CN.js";
import { dashboardEn } from "./dashboard.en.js";
import { dashboardZhCN } from "./dashboard.zh-CN.js";
import { ladderEn } from "./ladder.en.js";
import { ladderZhCN } from "./ladder.zh-CN.js";
import { ENGINE_NAMESPACES } from "./engineNamespaces.js";

const NAMESPACES = {
  dashboard: { en: dashboardEn, "zh-CN": dashboardZhCN },
  ladder: { en: ladderEn, "zh-CN": ladderZhCN },
  customer360: { en: customer360En, "zh-CN": customer360ZhCN },
  analytics: { en: analyticsEn, "zh-CN": analyticsZhCN },
  ...ENGINE_NAMESPACES,
} satisfies Record<string, Record<Language, object>>;

export type SceneNamespace = keyof typeof NAMESPACES;

/** The key types i18next checks `t()` against, from the English source of each namespace. */
export type SceneResources = { [N in SceneNamespace]: (typeof NAMESPACES)[N]["en"] };

/** Every scene namespace's messages in one language, for i18next's `resources`. */
export function sceneResources(language: Language): Record<SceneNamespace, object> {
  const entries = Object.entries(NAMESPACES).map(([ns, messages]) => [ns, messages[language]]);
  return Object.fromEntries(entries) as Record<SceneNamespace, object>;
}

/** The shape a translation must have: the English source's keys, any strings. */
export type DeepStrings<T> = {
  [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]>;
};
