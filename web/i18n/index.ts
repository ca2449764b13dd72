/**
 * i18next set-up. The language is, in order: the user's explicit choice (remembered in
 * localStorage), else the first of the browser's preferred languages we speak, else English.
 * Changing it also switches dayjs (antd's date pickers) and the document's `lang`.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn.js";
import { en } from "./en.js";
import { isLanguage, LANGUAGES, preferredLanguage, type Language } from "./languages.js";
import { zhCN } from "./zh-CN.js";
import { sceneResources, type SceneResources } from "./namespaces.js";

export { isLanguage, LANGUAGES, type Language };

const STORAGE_KEY = "ladder.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en } & SceneResources;
  }
}

function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    // Storage can be disabled (private mode, policies); the browser preference still applies.
    return undefined;
  }
}

function browserLanguage(): Language {
  return preferredLanguage(
    navigator.languages?.length ? navigator.languages : [navigator.language],
  );
}

function applySideEffects(language: Language): void {
  dayjs.locale(language === "zh-CN" ? "zh-cn" : "en");
  document.documentElement.lang = language;
  document.title = i18next.t("app.name");
}

export const initialLanguage: Language = storedLanguage() ?? browserLanguage();

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en, ...sceneResources("en") },
    "zh-CN": { translation: zhCN, ...sceneResources("zh-CN") },
  },
  lng: initialLanguage,
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  // React escapes what it renders; escaping here would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applySideEffects(initialLanguage);

/** Switches the interface language and remembers the choice on this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18next.changeLanguage(language);
  applySideEffects(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : "en";
}

export { i18next };
