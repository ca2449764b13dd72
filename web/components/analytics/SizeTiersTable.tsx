import { Table } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { SizeTiers } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "../dashboard/compact.js";
import { inVocabularyOrder } from "./analyticsReport.js";

type Tier = SizeTiers["tiers"][number];
const TIERS = ["top", "large", "medium", "small"] as const;

/** Revenue, cost and profit of the four size tiers (SPEC §7: size and profit). */
export function SizeTiersTable(props: { tiers: SizeTiers["tiers"] }) {
  const { t } = useTranslation("analytics");
  const format = useFormat();
  const rows = inVocabularyOrder(props.tiers, (row) => row.tier, TIERS);
  const columns: ColumnsType<Tier> = [
    {
      key: "tier",
      title: t("tiers.tier"),
      render: (_, row) => (
        <span data-size-tier={row.tier} style={{ whiteSpace: "nowrap" }}>
          {t(`tiers.name.${row.tier}` as "tiers.name.top", { defaultValue: row.tier })}
        </span>
      ),
    },
    {
      key: "customers",
      title: t("column.customers"),
      align: "right",
      render: (_, row) => format.number(row.customers),
    },
    {
      key: "revenue",
      title: t("column.revenue"),
      align: "right",
      render: (_, row) => format.money(row.revenueCents),
    },
    {
      key: "cost",
      title: t("tiers.cost"),
      align: "right",
      render: (_, row) => format.money(row.costCents),
    },
    {
      key: "profit",
      title: t("tiers.profit"),
      align: "right",
      render: (_, row) => format.money(row.profitCents),
    },
    {
      key: "margin",
      title: t("tiers.margin"),
      align: "right",
      render: (_, row) =>
        row.revenueCents > 0 ? percent(row.profitCents / row.revenueCents, format.language) : "—",
    },
  ];
  return (
    <Table<Tier>
      size="small"
      rowKey="tier"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="size-tiers-table"
    />
  );
}
