import { Empty, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ComplaintSummary, InteractionSummary } from "../../api/customer360.js";
import { useFormat } from "../../i18n/useFormat.js";

/** The latest interactions (SPEC §10): channel, content, direction, what was said, the outcome. */
export function InteractionsTable({ interactions }: { interactions: InteractionSummary[] }) {
  const { t } = useTranslation("customer360");
  const format = useFormat();
  if (interactions.length === 0) return <Empty description={t("interactions.none")} />;
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={interactions}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        {
          title: t("interactions.when"),
          dataIndex: "occurredAt",
          width: 170,
          render: (value: string) => format.dateTime(value),
        },
        {
          title: t("interactions.channel"),
          dataIndex: "channel",
          width: 110,
          render: (v: string) =>
            t(`interactions.channels.${v}` as "interactions.channels.phone", { defaultValue: v }),
        },
        {
          title: t("interactions.content"),
          dataIndex: "contentType",
          width: 110,
          render: (v: string) =>
            t(`interactions.contents.${v}` as "interactions.contents.information", {
              defaultValue: v,
            }),
        },
        {
          title: t("interactions.direction"),
          dataIndex: "direction",
          width: 100,
          render: (v: string) => (
            <Tag color={v === "inbound" ? "blue" : "default"}>
              {t(`interactions.directions.${v}` as "interactions.directions.inbound", {
                defaultValue: v,
              })}
            </Tag>
          ),
        },
        { title: t("interactions.summary"), dataIndex: "summary" },
        {
          title: t("interactions.outcome"),
          dataIndex: "outcome",
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("interactions.by"),
          dataIndex: "actorName",
          width: 100,
          render: (v: string | null) => v ?? "—",
        },
      ]}
    />
  );
}

const STEP_COLORS: Record<string, string> = {
  listen: "red",
  record: "orange",
  propose: "gold",
  follow_up: "blue",
  closed: "default",
};

/** Complaints (SPEC §10) through their four steps, with cause, due time and satisfaction. */
export function ComplaintsTable(props: {
  complaints: ComplaintSummary[];
  highlighted: number | null;
}) {
  const { t } = useTranslation("customer360");
  const format = useFormat();
  if (props.complaints.length === 0) return <Empty description={t("complaints.none")} />;
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={props.complaints}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rowClassName={(row) => (row.id === props.highlighted ? "ant-table-row-selected" : "")}
      columns={[
        { title: t("complaints.title"), dataIndex: "title" },
        {
          title: t("complaints.cause"),
          dataIndex: "cause",
          render: (v: string | null) =>
            v
              ? t(`complaints.causes.${v}` as "complaints.causes.product", { defaultValue: v })
              : "—",
        },
        {
          title: t("complaints.step"),
          dataIndex: "step",
          render: (v: string, row) => (
            <>
              <Tag color={STEP_COLORS[v]}>
                {t(`complaints.steps.${v}` as "complaints.steps.listen", { defaultValue: v })}
              </Tag>
              {row.overdue ? <Tag color="red">{t("complaints.overdue")}</Tag> : null}
            </>
          ),
        },
        {
          title: t("complaints.received"),
          dataIndex: "receivedAt",
          render: (v: string) => format.date(v),
        },
        {
          title: t("complaints.due"),
          dataIndex: "stepDueAt",
          render: (v: string | null, row) =>
            row.closedAt ? (
              <Typography.Text type="secondary">
                {t("complaints.closedOn", { date: format.date(row.closedAt) })}
              </Typography.Text>
            ) : v ? (
              format.dateTime(v)
            ) : (
              "—"
            ),
        },
        {
          title: t("complaints.satisfaction"),
          dataIndex: "satisfaction",
          render: (v: string | null) =>
            v
              ? t(`complaints.grades.${v}` as "complaints.grades.satisfied", { defaultValue: v })
              : "—",
        },
      ]}
    />
  );
}
