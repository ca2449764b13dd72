import { Empty, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Contact } from "../../api/customer360.js";

/** The key people (SPEC §1): title, role in buying, how to reach them, what they care about. */
export function ContactsPanel({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation("customer360");
  if (contacts.length === 0) return <Empty description={t("contacts.none")} />;
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={contacts}
      pagination={false}
      columns={[
        {
          title: t("contacts.name"),
          dataIndex: "name",
          render: (name: string, row) => (
            <>
              {name} {row.isKey ? <Tag color="gold">{t("contacts.key")}</Tag> : null}
            </>
          ),
        },
        { title: t("contacts.title"), dataIndex: "title", render: (v: string | null) => v ?? "—" },
        {
          title: t("contacts.role"),
          dataIndex: "buyingRole",
          render: (v: string | null) =>
            v ? t(`contacts.roles.${v}` as "contacts.roles.purchaser", { defaultValue: v }) : "—",
        },
        { title: t("contacts.phone"), dataIndex: "phone", render: (v?: string | null) => v ?? "—" },
        { title: t("contacts.email"), dataIndex: "email", render: (v?: string | null) => v ?? "—" },
        {
          title: t("contacts.interests"),
          dataIndex: "interests",
          render: (v?: string | null) => v ?? "—",
        },
      ]}
    />
  );
}
