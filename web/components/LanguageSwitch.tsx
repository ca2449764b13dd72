import { Button, Dropdown } from "antd";
import { GlobalOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { languageActions } from "../actions/sessionActions.js";
import { useActionContext } from "../actions/useActions.js";
import { LANGUAGES } from "../i18n/index.js";

/** The language menu; each entry is the registered "language.*" action. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const context = useActionContext();
  const items = LANGUAGES.map((language) => {
    const action = languageActions[language];
    return {
      key: action.name,
      // Each language is named in itself, so it can be found whatever the current one is.
      label: <span lang={language}>{t(`language.${language}`)}</span>,
      disabled: !(action.enabled?.(context) ?? true),
      onClick: () => void action.perform(context),
    };
  });
  return (
    <Dropdown
      menu={{ items, selectedKeys: [languageActions[context.language].name] }}
      trigger={["click"]}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t("language.label")}
        data-testid="language-switch"
      >
        {t(`language.${context.language}`)}
      </Button>
    </Dropdown>
  );
}
