import { Alert, Flex, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { ImportPreview, ImportRowError } from "../../api/imports.js";
import { useFormat } from "../../i18n/useFormat.js";
import { useImportFieldLabel } from "./useImportFieldLabel.js";

/** What a dry run found: rows read, the bad rows by line and why, and a sample as it would be stored. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation("imports");
  const format = useFormat();
  const label = useImportFieldLabel();
  const errorColumns: ColumnsType<ImportRowError & { key: number }> = [
    {
      key: "line",
      title: t("preview.line"),
      width: 90,
      render: (_, e) => t("preview.lineNo", { line: e.line }),
    },
    {
      key: "column",
      title: t("preview.columnTitle"),
      width: 200,
      render: (_, e) =>
        e.column ?? (e.field ? label(preview.kind, e.field) : t("preview.wholeRow")),
    },
    { key: "message", title: t("preview.problem"), render: (_, e) => e.message },
  ];
  const sampleFields = preview.columns.map((c) => c.field);
  const sampleColumns: ColumnsType<Record<string, unknown> & { key: number }> = sampleFields.map(
    (field) => ({
      key: field,
      title: label(preview.kind, field),
      ellipsis: true,
      render: (_, row) => {
        const value = row[field];
        if (value === null || value === undefined) return "";
        return typeof value === "object" ? JSON.stringify(value) : String(value);
      },
    }),
  );
  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Flex gap={32} wrap>
        <Statistic title={t("preview.rows")} value={format.number(preview.rowCount)} />
        <Statistic
          title={t("preview.badRows")}
          value={format.number(preview.errorCount)}
          styles={{ content: { color: preview.errorCount ? "#cf1322" : undefined } }}
        />
      </Flex>
      {preview.valid ? (
        <Alert type="success" showIcon title={t("preview.valid", { count: preview.rowCount })} />
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("preview.invalid", { count: preview.errorCount })}
          description={t("preview.invalidHint")}
        />
      )}
      {preview.errors.length ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {preview.errorCount > preview.errors.length
              ? t("preview.firstErrors", {
                  shown: preview.errors.length,
                  count: preview.errorCount,
                })
              : t("preview.errors")}
          </Typography.Title>
          <Table
            size="small"
            rowKey="key"
            columns={errorColumns}
            dataSource={preview.errors.map((e, key) => ({ ...e, key }))}
            pagination={false}
            data-testid="import-errors"
          />
        </>
      ) : null}
      {preview.ignoredColumns.length ? (
        <Typography.Text type="secondary">
          {t("preview.ignored", {
            columns: preview.ignoredColumns.join(t("preview.listSeparator")),
          })}
        </Typography.Text>
      ) : null}
      {preview.sample.length ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("preview.sample")}
          </Typography.Title>
          <Table
            size="small"
            rowKey="key"
            columns={sampleColumns}
            dataSource={preview.sample.map((row, key) => ({ ...row, key }))}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
        </>
      ) : null}
    </Flex>
  );
}
