import { Alert, Flex, Radio, Typography, Upload } from "antd";
import { InboxOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { IMPORT_KINDS, type ImportKind } from "../../api/imports.js";
import { useFormat } from "../../i18n/useFormat.js";

/** Step 1: what the file holds, and the file (kept in the browser until it is checked). */
export function ImportFileStep(props: {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  rejected: string | null;
}) {
  const { t } = useTranslation("imports");
  const format = useFormat();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Text strong id="import-kind-label">
          {t("file.kind")}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group
            aria-labelledby="import-kind-label"
            value={props.kind}
            onChange={(event) => props.onKind(event.target.value as ImportKind)}
            optionType="button"
            buttonStyle="solid"
            options={IMPORT_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
          />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t(`file.hint.${props.kind}`)}
        </Typography.Paragraph>
      </div>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          props.onFile(file);
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("file.drop")}</p>
        <p className="ant-upload-hint">{t("file.formats")}</p>
      </Upload.Dragger>
      {props.file ? (
        <Alert
          type="info"
          showIcon
          title={t("file.chosen", {
            name: props.file.name,
            size: format.number(Math.ceil(props.file.size / 1024)),
          })}
          closable={{ onClose: () => props.onFile(null) }}
        />
      ) : null}
      {props.rejected ? <Alert type="error" showIcon role="alert" title={props.rejected} /> : null}
    </Flex>
  );
}
