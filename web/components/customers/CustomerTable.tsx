import type { UIEvent } from "react";
import { Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType, SorterResult } from "antd/es/table/interface.js";
import { BankOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Customer, CustomerSort, SortOrder } from "../../api/types.js";
import { useFormat } from "../../i18n/useFormat.js";
import { StageTag } from "../StageTag.js";

/** How close to the bottom (px) the list asks for the next page. */
const END_REACHED_MARGIN = 240;
const HEADER_HEIGHT = 55;

const SORTABLE: readonly string[] = ["name", "stage", "createdAt", "updatedAt"];

export interface CustomerTableProps {
  customers: Customer[];
  loading: boolean;
  sort: CustomerSort | undefined;
  order: SortOrder | undefined;
  onSortChange: (sort: CustomerSort | undefined, order: SortOrder | undefined) => void;
  /** Called as the user scrolls near the end of what is loaded. */
  onEndReached: () => void;
  /** Size available to the table, header included; columns stretch to fill the width. */
  height: number;
  width: number;
}

/** The customers list: a virtual table, so tens of thousands of loaded rows still scroll. */
export function CustomerTable(props: CustomerTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  const restricted = (
    <Tooltip title={t("customer.restrictedHint")}>
      <LockOutlined aria-label={t("customer.restricted")} style={{ opacity: 0.45 }} />
    </Tooltip>
  );
  /** Absent means hidden by the user's grade; null means unknown. */
  const text = (customer: Customer, key: keyof Customer) => {
    if (!(key in customer)) return restricted;
    const value = customer[key];
    return value === null || value === undefined || value === "" ? none : String(value);
  };
  const sortOrder = (key: CustomerSort) =>
    props.sort === key ? (props.order === "desc" ? "descend" : "ascend") : null;

  const columns: ColumnsType<Customer> = [
    {
      key: "name",
      title: t("customers.column.name"),
      width: 240,
      fixed: "left",
      sorter: true,
      sortOrder: sortOrder("name"),
      ellipsis: true,
      render: (_, customer) => (
        <Space size={6}>
          {customer.kind === "organization" ? (
            <BankOutlined aria-label={t("kind.organization")} />
          ) : (
            <UserOutlined aria-label={t("kind.individual")} />
          )}
          <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
        </Space>
      ),
    },
    {
      key: "stage",
      title: t("customers.column.stage"),
      width: 110,
      sorter: true,
      sortOrder: sortOrder("stage"),
      render: (_, customer) => (customer.stage ? <StageTag stage={customer.stage} /> : restricted),
    },
    {
      key: "owner",
      title: t("customers.column.owner"),
      width: 110,
      ellipsis: true,
      render: (_, customer) => text(customer, "ownerName"),
    },
    {
      key: "industry",
      title: t("customers.column.industry"),
      width: 120,
      ellipsis: true,
      render: (_, customer) => text(customer, "industry"),
    },
    {
      key: "region",
      title: t("customers.column.region"),
      width: 100,
      ellipsis: true,
      render: (_, customer) => text(customer, "region"),
    },
    {
      key: "scale",
      title: t("customers.column.scale"),
      width: 80,
      render: (_, customer) =>
        !("scale" in customer) ? restricted : customer.scale ? t(`scale.${customer.scale}`) : none,
    },
    {
      key: "tags",
      title: t("customers.column.tags"),
      width: 170,
      render: (_, customer) => {
        if (!customer.tags) return restricted;
        if (customer.tags.length === 0) return none;
        const shown = customer.tags.slice(0, 2);
        const rest = customer.tags.length - shown.length;
        return (
          <Tooltip title={rest > 0 ? customer.tags.join(", ") : undefined}>
            <span style={{ whiteSpace: "nowrap" }}>
              {shown.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
              {rest > 0 ? <Tag>+{rest}</Tag> : null}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: "updatedAt",
      title: t("customers.column.updatedAt"),
      width: 120,
      sorter: true,
      sortOrder: sortOrder("updatedAt"),
      render: (_, customer) =>
        customer.updatedAt ? (
          <Tooltip title={format.dateTime(customer.updatedAt)}>
            {format.date(customer.updatedAt)}
          </Tooltip>
        ) : (
          none
        ),
    },
    {
      key: "createdAt",
      title: t("customers.column.createdAt"),
      width: 120,
      sorter: true,
      sortOrder: sortOrder("createdAt"),
      render: (_, customer) => (customer.createdAt ? format.date(customer.createdAt) : none),
    },
  ];
  const width = columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget as HTMLElement | null;
    if (!element) return;
    const remaining = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (remaining < END_REACHED_MARGIN) props.onEndReached();
  };

  return (
    <Table<Customer>
      virtual
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.customers}
      loading={props.loading}
      pagination={false}
      showSorterTooltip={false}
      scroll={{ x: Math.max(width, props.width), y: Math.max(props.height - HEADER_HEIGHT, 200) }}
      onScroll={onScroll}
      locale={{ emptyText: t("customers.empty") }}
      onChange={(_pagination, _filters, sorter) => {
        const single = (Array.isArray(sorter) ? sorter[0] : sorter) as
          SorterResult<Customer> | undefined;
        const key = String(single?.columnKey ?? "");
        if (!single?.order || !SORTABLE.includes(key)) props.onSortChange(undefined, undefined);
        else props.onSortChange(key as CustomerSort, single.order === "descend" ? "desc" : "asc");
      }}
    />
  );
}
