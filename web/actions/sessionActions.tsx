import { LogoutOutlined } from "@ant-design/icons";
import { logout } from "../api/auth.js";
import { sessionKey } from "../api/queryClient.js";
import { changeLanguage, type Language } from "../i18n/index.js";
import { registerAction } from "./registry.js";
import type { Action } from "./types.js";

export const logoutAction = registerAction({
  name: "session.logout",
  labelKey: "actions.logout",
  icon: <LogoutOutlined />,
  enabled: (context) => context.user !== null,
  perform: async ({ queryClient, navigate }) => {
    try {
      await logout();
    } finally {
      // Forget everything the previous user could see before anyone else signs in here.
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      await navigate("/login", { replace: true });
    }
  },
});

function switchLanguage(language: Language, labelKey: Action["labelKey"]) {
  return registerAction({
    name: `language.${language}`,
    labelKey,
    enabled: (context) => context.language !== language,
    perform: () => changeLanguage(language),
  });
}

export const languageActions = {
  "zh-CN": switchLanguage("zh-CN", "actions.switchToChinese"),
  en: switchLanguage("en", "actions.switchToEnglish"),
} as const satisfies Record<Language, Action>;
