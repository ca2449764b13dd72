import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api/audit.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";

const fieldsOf = (value: unknown) =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

function changedKeys(entry: AuditEntry): string[] {
  return [
    ...new Set([...Object.keys(fieldsOf(entry.before)), ...Object.keys(fieldsOf(entry.after))]),
  ];
}

/** The changed fields, before → after; personal values come redacted from the server. */
function Changes({ entry }: { entry: AuditEntry }) {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const keys = changedKeys(entry);
  if (!keys.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const show = (value: unknown) =>
    value === undefined ? "∅" : typeof value === "string" ? value : JSON.stringify(value);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {keys.map((key) => (
        <li key={key}>
          <Typography.Text code>{key}</Typography.Text>{" "}
          <Typography.Text type="secondary">{show(before[key])}</Typography.Text> →{" "}
          <Typography.Text>{show(after[key])}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** Audit entries, newest first: who did what to which record, and what changed. */
export function AuditLogTable(props: {
  entries: AuditEntry[];
  loading: boolean;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("settings");
  const format = useFormat();
  const columns: ColumnsType<AuditEntry> = [
    { key: "at", title: t("audit.at"), width: 170, render: (_, e) => format.dateTime(e.at) },
    {
      key: "actor",
      title: t("audit.actor"),
      width: 130,
      render: (_, e) => e.actorName ?? (e.actorId === null ? t("audit.system") : `#${e.actorId}`),
    },
    {
      key: "action",
      title: t("audit.action"),
      width: 150,
      render: (_, e) => <Typography.Text code>{e.action}</Typography.Text>,
    },
    {
      key: "entity",
      title: t("audit.record"),
      width: 170,
      render: (_, e) => `${e.entity}${e.entityId ? ` #${e.entityId}` : ""}`,
    },
    {
      key: "customer",
      title: t("audit.customer"),
      width: 120,
      render: (_, e) => (e.customerId !== null ? <CustomerLink id={e.customerId} /> : "—"),
    },
    {
      key: "changes",
      title: t("audit.changes"),
      ellipsis: true,
      render: (_, e) => changedKeys(e).join(", ") || "—",
    },
  ];
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.entries}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      expandable={{
        expandedRowRender: (entry) => <Changes entry={entry} />,
        rowExpandable: (entry) => changedKeys(entry).length > 0,
      }}
      data-testid="audit-log"
    />
  );
}
