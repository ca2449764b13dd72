import { useMemo } from "react";
import { Card, Descriptions, Empty, Flex, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ColumnPaging } from "../../actions/ladderActions.js";
import { loadMoreTransactionsAction } from "../../actions/customer360Actions.js";
import type { PurchaseSummary, Transaction } from "../../api/customer360.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatMoney } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { ActionButton } from "../ActionButton.js";
import { compactMoney } from "../dashboard/compact.js";

/** Revenue and cost per calendar month (UTC), every month between the first and last shown. */
export function monthlyTotals(transactions: Transaction[]) {
  if (transactions.length === 0) return [];
  const totals = new Map<string, { revenue: number; cost: number }>();
  for (const tx of transactions) {
    const month = tx.occurredAt.slice(0, 7);
    const total = totals.get(month) ?? { revenue: 0, cost: 0 };
    total.revenue += tx.amountCents;
    total.cost += tx.costCents ?? 0;
    totals.set(month, total);
  }
  const months = [...totals.keys()].sort();
  const [fy, fm] = months[0]!.split("-").map(Number) as [number, number];
  const [ly, lm] = months.at(-1)!.split("-").map(Number) as [number, number];
  const rows = [];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? (y++, (m = 1)) : m++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    rows.push({ month, ...(totals.get(month) ?? { revenue: 0, cost: 0 }) });
  }
  return rows;
}

/** What the customer bought: the purchase summary, revenue per month, and every transaction. */
export function TransactionsPanel(props: {
  summary: PurchaseSummary | null | undefined;
  transactions: Transaction[];
  loading: boolean;
  paging: ColumnPaging;
}) {
  const { t } = useTranslation("customer360");
  const format = useFormat();
  const { language } = format;
  const months = useMemo(() => monthlyTotals(props.transactions), [props.transactions]);

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number) => formatMoney(v, language),
      },
      xAxis: { type: "category", data: months.map((m) => m.month) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compactMoney(v, language) } },
      series: [
        {
          name: t("transactions.revenue"),
          type: "bar",
          itemStyle: { color: "#1d5bd6" },
          data: months.map((m) => m.revenue),
        },
        {
          name: t("transactions.cost"),
          type: "line",
          itemStyle: { color: "#fa541c" },
          data: months.map((m) => m.cost),
        },
      ],
    }),
    [months, language, t],
  );

  const summary = props.summary;
  if (!props.loading && props.transactions.length === 0)
    return <Empty description={t("transactions.none")} />;
  return (
    <Flex vertical gap={16}>
      {summary ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 3, xl: 6 }}
          items={[
            {
              key: "first",
              label: t("transactions.first"),
              children: format.date(summary.firstPurchaseAt),
            },
            {
              key: "last",
              label: t("transactions.last"),
              children: format.date(summary.lastPurchaseAt),
            },
            {
              key: "days",
              label: t("transactions.days"),
              children: format.number(summary.purchaseDays),
            },
            {
              key: "count",
              label: t("transactions.count"),
              children: format.number(summary.transactionCount),
            },
            {
              key: "revenue",
              label: t("transactions.revenue"),
              children: format.money(summary.revenueCents),
            },
            {
              key: "profit",
              label: t("transactions.profit"),
              children: format.money(summary.revenueCents - summary.costCents),
            },
          ]}
        />
      ) : null}
      <Card size="small" title={t("transactions.chart")}>
        <Chart option={option} height={220} ariaLabel={t("transactions.chart")} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("transactions.chartNote", { count: props.transactions.length })}
        </Typography.Text>
      </Card>
      <Table
        size="small"
        rowKey="id"
        loading={props.loading}
        dataSource={props.transactions}
        pagination={false}
        scroll={{ y: 360 }}
        columns={[
          {
            title: t("transactions.when"),
            dataIndex: "occurredAt",
            render: (v: string) => format.date(v),
          },
          {
            title: t("transactions.product"),
            dataIndex: "product",
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("transactions.channel"),
            dataIndex: "channel",
            render: (v: string | null) => v ?? "—",
          },
          { title: t("transactions.quantity"), dataIndex: "quantity", align: "right" },
          {
            title: t("transactions.amount"),
            dataIndex: "amountCents",
            align: "right",
            render: (v: number) => format.money(v),
          },
          {
            title: t("transactions.costCol"),
            dataIndex: "costCents",
            align: "right",
            render: (v: number | null) => (v === null ? "—" : format.money(v)),
          },
        ]}
      />
      <Flex justify="center">
        <ActionButton action={loadMoreTransactionsAction} arg={props.paging} />
      </Flex>
    </Flex>
  );
}
