import { Table } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { CLV_QUADRANTS, type AnalyticsOverview, type ClvQuadrant } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "../dashboard/compact.js";
import { customersHref } from "../dashboard/customersHref.js";
import { inVocabularyOrder, withShare } from "./analyticsReport.js";

type Row = AnalyticsOverview["quadrants"][number] & { share: number };
const isQuadrant = (name: string): name is ClvQuadrant =>
  CLV_QUADRANTS.includes(name as ClvQuadrant);

/**
 * The four CLV types (SPEC §7) with their customers, predicted CLV and profit so far; a type
 * leads to its customers.
 */
export function ClvTypesTable(props: { quadrants: AnalyticsOverview["quadrants"] }) {
  const { t } = useTranslation("analytics");
  const { t: vocabulary } = useTranslation("dashboard");
  const format = useFormat();
  const rows = withShare(
    inVocabularyOrder(props.quadrants, (row) => row.quadrant, CLV_QUADRANTS),
    (row) => row.customers,
  );
  const name = (quadrant: string) =>
    vocabulary(`clv.quadrant.${quadrant}` as "clv.quadrant.mvc", { defaultValue: quadrant });
  const columns: ColumnsType<Row> = [
    {
      key: "type",
      title: t("clv.type"),
      render: (_, row) =>
        isQuadrant(row.quadrant) ? (
          <Link to={customersHref({ clvQuadrant: [row.quadrant] })} data-quadrant={row.quadrant}>
            {name(row.quadrant)}
          </Link>
        ) : (
          name(row.quadrant)
        ),
    },
    {
      key: "customers",
      title: t("column.customers"),
      align: "right",
      render: (_, row) => format.number(row.customers),
    },
    {
      key: "share",
      title: t("column.customerShare"),
      align: "right",
      render: (_, row) => percent(row.share, format.language),
    },
    {
      key: "clv",
      title: t("clv.clv"),
      align: "right",
      render: (_, row) => format.money(Math.round(row.clvCents)),
    },
    {
      key: "averageClv",
      title: t("clv.averageClv"),
      align: "right",
      render: (_, row) =>
        row.customers > 0 ? format.money(Math.round(row.clvCents / row.customers)) : "—",
    },
    {
      key: "profit",
      title: t("clv.profit"),
      align: "right",
      render: (_, row) => format.money(Math.round(row.profitCents)),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="quadrant"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="clv-table"
    />
  );
}
