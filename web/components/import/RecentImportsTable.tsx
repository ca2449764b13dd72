import { Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { ImportRecord, ImportStatus } from "../../api/imports.js";
import { useFormat } from "../../i18n/useFormat.js";

const STATUS_COLORS: Record<ImportStatus, string> = {
  running: "processing",
  publishing: "processing",
  succeeded: "success",
  failed: "error",
};

/** The last imports: yours (an administrator sees everyone's). */
export function RecentImportsTable(props: { imports: ImportRecord[]; loading: boolean }) {
  const { t } = useTranslation("imports");
  const format = useFormat();
  const columns: ColumnsType<ImportRecord> = [
    { key: "file", title: t("recent.file"), render: (_, r) => r.fileName ?? "—" },
    { key: "kind", title: t("recent.kind"), render: (_, r) => t(`kind.${r.kind}`) },
    {
      key: "status",
      title: t("recent.status"),
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`status.${r.status}`)}</Tag>,
    },
    {
      key: "rows",
      title: t("recent.rows"),
      align: "end",
      render: (_, r) => (r.status === "succeeded" ? format.number(r.rowCount) : "—"),
    },
    { key: "started", title: t("recent.started"), render: (_, r) => format.dateTime(r.startedAt) },
  ];
  return (
    <Table<ImportRecord>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.imports}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: t("recent.empty") }}
    />
  );
}
