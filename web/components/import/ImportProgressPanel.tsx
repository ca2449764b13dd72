import { Alert, Flex, Progress, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportRecord } from "../../api/imports.js";
import { useFormat } from "../../i18n/useFormat.js";

/** Share done, 0–100: rows when the total is known, else bytes read. */
function percentOf(record: ImportRecord | null, uploaded: number): number {
  const progress = record?.progress;
  if (record?.status === "succeeded") return 100;
  if (!progress) return Math.round(uploaded * 10);
  if (progress.phase === "publishing" && progress.totalRows)
    return 60 + Math.round((progress.rowsPublished / progress.totalRows) * 35);
  if (progress.totalBytes) return 10 + Math.round((progress.bytesRead / progress.totalBytes) * 50);
  return 10;
}

/** A running import: the upload, then reading and publishing rows, then the result. */
export function ImportProgressPanel(props: {
  record: ImportRecord | null;
  /** Share of the file sent, 0–1, while uploading. */
  uploaded: number;
  failure: string | null;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation("imports");
  const format = useFormat();
  const { record } = props;
  if (props.failure) return <Alert type="error" showIcon role="alert" title={props.failure} />;
  if (record?.status === "succeeded")
    return (
      <Result
        status="success"
        title={t("run.succeeded", { count: record.rowCount })}
        subTitle={record.replayed ? t("run.replayed") : undefined}
        extra={props.extra}
        data-testid="import-succeeded"
      />
    );
  if (record?.status === "failed")
    return (
      <Result
        status="error"
        title={t("run.failed")}
        subTitle={
          record.error
            ? `${t("preview.lineNo", { line: record.error.line })}: ${record.error.message}`
            : undefined
        }
        extra={props.extra}
      />
    );
  const progress = record?.progress;
  const phase = !record ? "uploading" : (progress?.phase ?? "reading");
  return (
    <Flex vertical gap={12} aria-live="polite" data-testid="import-progress">
      <Progress percent={percentOf(record, props.uploaded)} status="active" />
      <Typography.Text>{t(`run.phase.${phase}`)}</Typography.Text>
      {progress ? (
        <Typography.Text type="secondary">
          {t("run.counts", {
            read: format.number(progress.rowsRead),
            published: format.number(progress.rowsPublished),
          })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
