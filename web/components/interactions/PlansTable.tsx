import { Button, Progress, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { InteractionPlan } from "../../api/interactions.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";

const STATUS_COLORS = {
  draft: "default",
  active: "processing",
  completed: "success",
  cancelled: "default",
};

/** Interaction plans: whom, through which channel how often, and how far their goals are met. */
export function PlansTable(props: {
  plans: InteractionPlan[];
  loading: boolean;
  nameOf: (customerId: number) => string | undefined;
  onOpen: (plan: InteractionPlan) => void;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("interactions");
  const { t: te } = useTranslation("engine");
  const format = useFormat();
  const columns: ColumnsType<InteractionPlan> = [
    {
      key: "name",
      title: t("plan.name"),
      render: (_, p) => (
        <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => props.onOpen(p)}>
          {p.name}
        </Button>
      ),
    },
    {
      key: "object",
      title: t("plan.object"),
      render: (_, p) =>
        p.customerId !== null ? (
          <CustomerLink id={p.customerId} name={props.nameOf(p.customerId)} />
        ) : p.segmentId !== null ? (
          t("plan.segment", { id: p.segmentId })
        ) : (
          <Typography.Text type="secondary">{p.object ?? te("common.none")}</Typography.Text>
        ),
    },
    {
      key: "channel",
      title: t("field.channel"),
      width: 150,
      render: (_, p) =>
        [
          p.channel ? te(`channel.${p.channel}`) : null,
          p.frequencyDays ? t("plan.every", { count: p.frequencyDays }) : null,
        ]
          .filter(Boolean)
          .join(" · ") || te("common.none"),
    },
    {
      key: "goals",
      title: t("plan.goals"),
      width: 200,
      render: (_, p) => {
        const met = p.goals.filter((g) => g.met).length;
        const next = p.goals.filter((g) => !g.met).sort((a, b) => a.due.localeCompare(b.due))[0];
        return p.goals.length ? (
          <>
            <Progress
              percent={Math.round((met / p.goals.length) * 100)}
              size="small"
              format={() => `${met}/${p.goals.length}`}
            />
            {next ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("plan.nextDue", { date: format.date(next.due) })}
              </Typography.Text>
            ) : null}
          </>
        ) : (
          te("common.none")
        );
      },
    },
    {
      key: "status",
      title: t("plan.status"),
      width: 100,
      render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{te(`planStatus.${p.status}`)}</Tag>,
    },
  ];
  return (
    <Table<InteractionPlan>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.plans}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      data-testid="plans-table"
    />
  );
}
