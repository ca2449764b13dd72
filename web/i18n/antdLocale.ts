import type { ConfigProviderProps } from "antd";
import enUSModule from "antd/es/locale/en_US.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import type { Language } from "./index.js";

type AntdLocale = NonNullable<ConfigProviderProps["locale"]>;

/**
 * antd ships its locales as ES modules with a default export, but its package is typed as
 * CommonJS, so under NodeNext the type checker sees the module object while the bundler gives
 * the default. Accept both shapes.
 */
function unwrap(module: unknown): AntdLocale {
  const value = module as { default?: AntdLocale } & Partial<AntdLocale>;
  return value.default ?? (value as AntdLocale);
}

const LOCALES: Record<Language, AntdLocale> = {
  "zh-CN": unwrap(zhCNModule),
  en: unwrap(enUSModule),
};

export function antdLocale(language: Language): AntdLocale {
  return LOCALES[language];
}
