import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import {
  LIFECYCLE_PHASES,
  type AnalyticsOverview,
  type LifecyclePhase,
} from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { customersHref } from "../dashboard/customersHref.js";
import { inVocabularyOrder } from "./analyticsReport.js";

type Row = AnalyticsOverview["lifecycle"][number];
const isPhase = (name: string): name is LifecyclePhase =>
  LIFECYCLE_PHASES.includes(name as LifecyclePhase);

/**
 * Investment against return per life-cycle phase (SPEC §8): what the customers of each phase
 * brought and what serving them cost; a phase leads to its customers.
 */
export function LifecycleTable(props: { lifecycle: AnalyticsOverview["lifecycle"] }) {
  const { t } = useTranslation("analytics");
  const { t: vocabulary } = useTranslation("dashboard");
  const format = useFormat();
  const rows = inVocabularyOrder(props.lifecycle, (row) => row.phase, LIFECYCLE_PHASES);
  const columns: ColumnsType<Row> = [
    {
      key: "phase",
      title: t("lifecycle.phase"),
      render: (_, row) => {
        const label = vocabulary(`lifecycle.phase.${row.phase}` as "lifecycle.phase.growth", {
          defaultValue: row.phase,
        });
        return isPhase(row.phase) ? (
          <Link to={customersHref({ lifecyclePhase: [row.phase] })} data-phase={row.phase}>
            {label}
          </Link>
        ) : (
          label
        );
      },
    },
    {
      key: "customers",
      title: t("column.customers"),
      align: "right",
      render: (_, row) => format.number(row.customers),
    },
    {
      key: "return",
      title: t("column.return"),
      align: "right",
      render: (_, row) => format.money(row.revenueCents),
    },
    {
      key: "investment",
      title: t("column.investment"),
      align: "right",
      render: (_, row) => format.money(row.costCents),
    },
    {
      key: "net",
      title: t("lifecycle.net"),
      align: "right",
      render: (_, row) => {
        const net = row.revenueCents - row.costCents;
        return (
          <Typography.Text type={net < 0 ? "danger" : undefined}>
            {format.money(net)}
          </Typography.Text>
        );
      },
    },
    {
      key: "ratio",
      title: t("lifecycle.ratio"),
      align: "right",
      render: (_, row) =>
        row.costCents > 0
          ? format.number(Math.round((row.revenueCents / row.costCents) * 100) / 100)
          : "—",
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="phase"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="lifecycle-table"
    />
  );
}
