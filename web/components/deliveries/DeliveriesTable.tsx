import { Button, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { Delivery } from "../../api/deliveries.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";
import { StageTag } from "../StageTag.js";

const STATUS_COLORS = {
  planned: "processing",
  delivered: "warning",
  evaluated: "success",
  cancelled: "default",
} as const;
const OUTCOME_COLORS = { accepted: "green", partly: "gold", rejected: "red" } as const;

export type DeliveryCommand = "deliver" | "evaluate" | "cancel";

/** Deliveries with what was delivered, when and how, and whether the customer accepted it. */
export function DeliveriesTable(props: {
  deliveries: Delivery[];
  loading: boolean;
  nameOf: (customerId: number) => string | undefined;
  canWrite: boolean;
  /** Leave out the customer column (a list of one customer's deliveries). */
  hideCustomer?: boolean;
  now: number;
  onCommand: (delivery: Delivery, command: DeliveryCommand) => void;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("deliveries");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  const columns: ColumnsType<Delivery> = [
    ...(props.hideCustomer
      ? []
      : [
          {
            key: "customer",
            title: te("customer.label"),
            render: (_: unknown, d: Delivery) => (
              <CustomerLink id={d.customerId} name={props.nameOf(d.customerId)} />
            ),
          },
        ]),
    {
      key: "content",
      title: t("column.content"),
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{d.valueItemTitle ?? t("column.freeContent")}</Typography.Text>
          {d.content ? (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {d.content}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      key: "round",
      title: t("column.round"),
      width: 70,
      align: "center",
      render: (_, d) => d.round,
    },
    {
      key: "stage",
      title: t("column.stage"),
      width: 110,
      render: (_, d) => <StageTag stage={d.stageAtPlan} />,
    },
    {
      key: "when",
      title: t("column.when"),
      width: 150,
      render: (_, d) => {
        const late =
          d.status === "planned" && d.plannedFor && new Date(d.plannedFor).getTime() < props.now;
        const when = d.deliveredAt ?? d.plannedFor;
        return when ? (
          <Typography.Text type={late ? "danger" : undefined}>
            {format.dateTime(when)}
          </Typography.Text>
        ) : (
          te("common.none")
        );
      },
    },
    {
      key: "medium",
      title: t("column.medium"),
      width: 100,
      render: (_, d) => (d.medium ? te(`channel.${d.medium as "email"}`) : te("common.none")),
    },
    {
      key: "status",
      title: t("column.status"),
      width: 150,
      render: (_, d) =>
        d.outcome ? (
          <Tag color={OUTCOME_COLORS[d.outcome]}>{te(`outcome.${d.outcome}`)}</Tag>
        ) : (
          <Tag color={STATUS_COLORS[d.status]}>{te(`deliveryStatus.${d.status}`)}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("column.actions"),
      width: 200,
      render: (_, d) =>
        props.canWrite ? (
          <Space size={4}>
            {d.status === "planned" ? (
              <Button size="small" type="primary" onClick={() => props.onCommand(d, "deliver")}>
                {t("command.deliver")}
              </Button>
            ) : null}
            {d.status === "delivered" ? (
              <Button size="small" type="primary" onClick={() => props.onCommand(d, "evaluate")}>
                {t("command.evaluate")}
              </Button>
            ) : null}
            {d.status === "planned" || d.status === "delivered" ? (
              <Button size="small" type="link" danger onClick={() => props.onCommand(d, "cancel")}>
                {t("command.cancel")}
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];
  return (
    <Table<Delivery>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.deliveries}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      scroll={{ x: 960 }}
      expandable={{
        rowExpandable: (d) => Boolean(d.outcomeEvidence),
        expandedRowRender: (d) => (
          <Typography.Text>
            {t("column.evidence")}: {d.outcomeEvidence}
          </Typography.Text>
        ),
      }}
      data-testid="deliveries-table"
    />
  );
}
