import { Button, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { UnmetCoreCustomer } from "../../api/needs.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";
import { StageTag } from "../StageTag.js";

/**
 * Customers flagged because a core need is not met (SPEC §3): no upgrade is proposed for them
 * until it is. Oldest first, since those have waited longest.
 */
export function UnmetCoreTable(props: {
  rows: UnmetCoreCustomer[];
  loading: boolean;
  onShowNeeds: (row: UnmetCoreCustomer) => void;
  onRecord?: (row: UnmetCoreCustomer) => void;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("needs");
  const format = useFormat();
  const columns: ColumnsType<UnmetCoreCustomer> = [
    {
      key: "customer",
      title: t("column.customer"),
      render: (_, row) => <CustomerLink id={row.customerId} name={row.name} />,
    },
    {
      key: "stage",
      title: t("unmet.stage"),
      width: 120,
      render: (_, row) => <StageTag stage={row.stage} />,
    },
    {
      key: "count",
      title: t("unmet.count"),
      width: 120,
      align: "end",
      render: (_, row) => <Tag color="magenta">{row.unmetCoreNeeds}</Tag>,
    },
    {
      key: "titles",
      title: t("unmet.titles"),
      render: (_, row) => (
        <Typography.Text>{row.titles.join(t("unmet.separator"))}</Typography.Text>
      ),
    },
    {
      key: "since",
      title: t("unmet.since"),
      width: 130,
      render: (_, row) => format.date(row.oldestSince),
    },
    {
      key: "actions",
      title: t("unmet.actions"),
      width: 200,
      render: (_, row) => (
        <Space size={4}>
          <Button size="small" onClick={() => props.onShowNeeds(row)}>
            {t("unmet.showNeeds")}
          </Button>
          {props.onRecord ? (
            <Button size="small" type="link" onClick={() => props.onRecord?.(row)}>
              {t("unmet.record")}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<UnmetCoreCustomer>
      rowKey="customerId"
      size="middle"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      data-testid="unmet-core-table"
    />
  );
}
