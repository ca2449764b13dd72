import { Button, Flex, Table, Tag, Tooltip } from "antd";
import { StarFilled } from "@ant-design/icons";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { ValueItem } from "../../api/values.js";
import { valueKindLabel } from "./valueKind.js";

const SCOPE_COLORS = { core: "magenta", additional: "blue", potential: "purple" } as const;

/** Catalogue items with scope, kind, life cycle, whether unique, and where they apply. */
export function ValuesTable(props: {
  items: ValueItem[];
  loading: boolean;
  onOpen: (item: ValueItem) => void;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const columns: ColumnsType<ValueItem> = [
    {
      key: "title",
      title: t("column.title"),
      render: (_, item) => (
        <Flex gap={6} align="center">
          <Button
            type="link"
            style={{ padding: 0, height: "auto" }}
            onClick={() => props.onOpen(item)}
          >
            {item.title}
          </Button>
          {item.unique ? (
            <Tooltip
              title={t("uniqueHint", { names: item.competitorsLacking.join(t("separator")) })}
            >
              <StarFilled aria-label={t("unique")} style={{ color: "#faad14" }} />
            </Tooltip>
          ) : null}
          {!item.active ? <Tag>{t("retired")}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: "scope",
      title: t("column.scope"),
      width: 110,
      render: (_, item) => (
        <Tag color={SCOPE_COLORS[item.scope]}>{te(`valueScope.${item.scope}`)}</Tag>
      ),
    },
    {
      key: "kind",
      title: t("column.kind"),
      width: 170,
      render: (_, item) => valueKindLabel(item.kind, te),
    },
    {
      key: "lifecycle",
      title: t("column.lifecycle"),
      width: 90,
      render: (_, item) => te(`lifecycle.${item.lifecycle}`),
    },
    {
      key: "stages",
      title: t("column.stages"),
      render: (_, item) => (
        <Flex wrap gap={2}>
          {item.stages.map((stage) => (
            <Tag key={stage} style={{ marginInlineEnd: 0 }}>
              {tt(`stage.${stage}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: "dimensions",
      title: t("column.dimensions"),
      width: 110,
      render: (_, item) =>
        item.dimensions.length ? (
          <Tooltip title={item.dimensions.map((d) => te(`dimension.${d}`)).join("\n")}>
            <span tabIndex={0}>{t("dimensionCount", { count: item.dimensions.length })}</span>
          </Tooltip>
        ) : (
          te("common.none")
        ),
    },
  ];
  return (
    <Table<ValueItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.empty }}
      data-testid="values-table"
    />
  );
}
