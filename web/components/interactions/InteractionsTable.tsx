import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { Interaction } from "../../api/interactions.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";

/** Interactions as recorded: when, with whom, through which channel, what and what came of it. */
export function InteractionsTable(props: {
  interactions: Interaction[];
  loading: boolean;
  nameOf: (customerId: number) => string | undefined;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("interactions");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  const columns: ColumnsType<Interaction> = [
    {
      key: "at",
      title: t("field.occurredAt"),
      width: 170,
      render: (_, i) => format.dateTime(i.occurredAt),
    },
    {
      key: "customer",
      title: te("customer.label"),
      width: 180,
      render: (_, i) => <CustomerLink id={i.customerId} name={props.nameOf(i.customerId)} />,
    },
    {
      key: "channel",
      title: t("field.channel"),
      width: 150,
      render: (_, i) => (
        <>
          {te(`channel.${i.channel}`)}{" "}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.personal ? te("channelGroup.personal") : te("channelGroup.nonPersonal")}
          </Typography.Text>
        </>
      ),
    },
    {
      key: "content",
      title: t("field.contentType"),
      width: 130,
      render: (_, i) => <Tag>{te(`contentType.${i.contentType}`)}</Tag>,
    },
    {
      key: "direction",
      title: t("field.direction"),
      width: 140,
      render: (_, i) => te(`direction.${i.direction}`),
    },
    {
      key: "summary",
      title: t("field.summary"),
      render: (_, i) => (
        <>
          <Typography.Text>{i.summary}</Typography.Text>
          {i.outcome ? (
            <>
              <br />
              <Typography.Text type="secondary">
                {t("field.outcome")}: {i.outcome}
              </Typography.Text>
            </>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Table<Interaction>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.interactions}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      data-testid="interactions-table"
    />
  );
}
