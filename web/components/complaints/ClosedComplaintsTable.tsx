import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { Complaint } from "../../api/complaints.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";

const SATISFACTION_COLORS = { tolerates: "default", satisfied: "green", delighted: "gold" };

/** Closed complaints: how they ended and how satisfied the customer was. */
export function ClosedComplaintsTable(props: {
  complaints: Complaint[];
  loading: boolean;
  nameOf: (customerId: number) => string | undefined;
  onOpen: (complaint: Complaint) => void;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("complaints");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  const columns: ColumnsType<Complaint> = [
    {
      key: "title",
      title: t("field.title"),
      render: (_, c) => (
        <Typography.Link onClick={() => props.onOpen(c)}>{c.title}</Typography.Link>
      ),
    },
    {
      key: "customer",
      title: te("customer.label"),
      render: (_, c) => <CustomerLink id={c.customerId} name={props.nameOf(c.customerId)} />,
    },
    {
      key: "cause",
      title: t("field.cause"),
      render: (_, c) => (c.cause ? te(`cause.${c.cause}`) : te("common.none")),
    },
    {
      key: "valid",
      title: t("closed.outcome"),
      render: (_, c) => (c.valid === false ? t("closed.invalid") : t("closed.resolved")),
    },
    {
      key: "satisfaction",
      title: t("field.satisfaction"),
      render: (_, c) =>
        c.satisfaction ? (
          <Tag color={SATISFACTION_COLORS[c.satisfaction]}>
            {te(`satisfaction.${c.satisfaction}`)}
          </Tag>
        ) : (
          te("common.none")
        ),
    },
    {
      key: "closedAt",
      title: t("closed.closedAt"),
      render: (_, c) => (c.closedAt ? format.dateTime(c.closedAt) : te("common.none")),
    },
  ];
  return (
    <Table<Complaint>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.complaints}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      data-testid="closed-complaints"
    />
  );
}
