import { Button, Table, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { Need } from "../../api/needs.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";
import { NEED_CHARACTERISTICS } from "./NeedForm.js";
import { NeedLevelTag, NeedStatusTag } from "./NeedTags.js";

/** How many of the eight characteristics are known, and what they say, for a tooltip. */
function characteristicsOf(need: Need, label: (key: string) => string) {
  const known = NEED_CHARACTERISTICS.filter((key) => need[key]);
  return {
    count: known.length,
    text: known.map((key) => `${label(key)}: ${need[key]}`).join("\n"),
  };
}

/** Needs with their customer, level, kind, status and how well they are described. */
export function NeedsTable(props: {
  needs: Need[];
  loading: boolean;
  /** A customer's name, when known on this page. */
  nameOf: (customerId: number) => string | undefined;
  onOpen: (need: Need) => void;
  /** Hide the customer column (a list of one customer's needs). */
  hideCustomer?: boolean;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("needs");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  const columns: ColumnsType<Need> = [
    {
      key: "title",
      title: t("column.title"),
      render: (_, need) => (
        <Button
          type="link"
          style={{ padding: 0, height: "auto" }}
          onClick={() => props.onOpen(need)}
        >
          {need.title}
        </Button>
      ),
    },
    ...(props.hideCustomer
      ? []
      : [
          {
            key: "customer",
            title: t("column.customer"),
            render: (_: unknown, need: Need) =>
              need.customerId !== null ? (
                <CustomerLink id={need.customerId} name={props.nameOf(need.customerId)} />
              ) : (
                <Typography.Text type="secondary">
                  {t("segmentNeed", { id: need.segmentId })}
                </Typography.Text>
              ),
          },
        ]),
    {
      key: "level",
      title: t("column.level"),
      width: 120,
      render: (_, need) => <NeedLevelTag level={need.level} />,
    },
    {
      key: "kind",
      title: t("column.kind"),
      width: 150,
      render: (_, need) => te(`needKind.${need.kind}`),
    },
    {
      key: "status",
      title: t("column.status"),
      width: 110,
      render: (_, need) => <NeedStatusTag status={need.status} />,
    },
    {
      key: "characteristics",
      title: t("column.characteristics"),
      width: 130,
      render: (_, need) => {
        const { count, text } = characteristicsOf(need, (key) =>
          t(`characteristics.${key as (typeof NEED_CHARACTERISTICS)[number]}`),
        );
        const label = t("characteristicsKnown", { count, total: NEED_CHARACTERISTICS.length });
        return count ? (
          <Tooltip title={<span style={{ whiteSpace: "pre-line" }}>{text}</span>}>
            <span tabIndex={0}>{label}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{label}</Typography.Text>
        );
      },
    },
    {
      key: "source",
      title: t("column.source"),
      width: 110,
      render: (_, need) => (need.source ? te(`needSource.${need.source}`) : te("common.none")),
    },
    {
      key: "createdAt",
      title: t("column.recorded"),
      width: 130,
      render: (_, need) => format.date(need.createdAt),
    },
  ];
  return (
    <Table<Need>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.needs}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      data-testid="needs-table"
    />
  );
}
