import { Button, Dropdown, Space } from "antd";
import { DownOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { exportCustomersAction } from "../../actions/segmentsActions.js";
import type { ExportFormat } from "../../api/imports.js";
import { ActionButton } from "../ActionButton.js";

/**
 * Exports the customers of the current view. The main button downloads CSV with headers in
 * the interface language; the menu offers xlsx and the other header language (English headers
 * import back as they are; Chinese ones too).
 */
export function ExportCustomersMenu(props: {
  hrefFor: (format: ExportFormat, headers: "en" | "zh") => string;
}) {
  const { t, i18n } = useTranslation("segments");
  const headers = i18n.language === "zh-CN" ? "zh" : "en";
  const choices: { format: ExportFormat; headers: "en" | "zh" }[] = [
    { format: "csv", headers: "zh" },
    { format: "csv", headers: "en" },
    { format: "xlsx", headers: "zh" },
    { format: "xlsx", headers: "en" },
  ];
  return (
    <Space.Compact>
      <ActionButton
        action={exportCustomersAction}
        arg={{ download: () => window.location.assign(props.hrefFor("csv", headers)) }}
      />
      <Dropdown
        trigger={["click"]}
        menu={{
          items: choices.map((choice) => ({
            key: `${choice.format}-${choice.headers}`,
            label: (
              <a href={props.hrefFor(choice.format, choice.headers)} download>
                {t(`export.${choice.format}`)} · {t(`export.headers.${choice.headers}`)}
              </a>
            ),
          })),
        }}
      >
        <Button icon={<DownOutlined />} aria-label={t("export.more")} data-testid="export-menu" />
      </Dropdown>
    </Space.Compact>
  );
}
