import { Table } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { ABC_CLASSES, type AnalyticsOverview } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "../dashboard/compact.js";
import { customersHref } from "../dashboard/customersHref.js";
import { inVocabularyOrder, withShare } from "./analyticsReport.js";

type AbcRow = AnalyticsOverview["abc"][number];

/** The ABC classes (SPEC §7) with their share of customers and of revenue; a class leads to its customers. */
export function AbcTable(props: { abc: AnalyticsOverview["abc"] }) {
  const { t } = useTranslation("analytics");
  const format = useFormat();
  const ordered = inVocabularyOrder(props.abc, (row) => row.abcClass, ABC_CLASSES);
  const byRevenue = withShare(ordered, (row) => row.revenueCents);
  const byCustomers = withShare(ordered, (row) => row.customers);
  const rows = byRevenue.map((row, i) => ({
    ...row,
    revenueShare: row.share,
    customerShare: byCustomers[i]!.share,
  }));
  type Row = AbcRow & { revenueShare: number; customerShare: number };
  const columns: ColumnsType<Row> = [
    {
      key: "class",
      title: t("abc.class"),
      render: (_, row) => (
        <Link
          to={customersHref({ abcClass: [row.abcClass as (typeof ABC_CLASSES)[number]] })}
          data-abc-class={row.abcClass}
          style={{ whiteSpace: "nowrap" }}
        >
          {t("abc.classLabel", { abcClass: row.abcClass })}
        </Link>
      ),
    },
    {
      key: "customers",
      title: t("column.customers"),
      align: "right",
      render: (_, row) => format.number(row.customers),
    },
    {
      key: "customerShare",
      title: t("column.customerShare"),
      align: "right",
      render: (_, row) => percent(row.customerShare, format.language),
    },
    {
      key: "revenue",
      title: t("column.revenue"),
      align: "right",
      render: (_, row) => format.money(row.revenueCents),
    },
    {
      key: "revenueShare",
      title: t("column.revenueShare"),
      align: "right",
      render: (_, row) => percent(row.revenueShare, format.language),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="abcClass"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="abc-table"
    />
  );
}
