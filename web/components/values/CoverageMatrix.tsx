import { Button, Flex, Table, Tooltip, Typography, theme } from "antd";
import { StarFilled } from "@ant-design/icons";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import { VALUE_SCOPES } from "../../../src/shared/enums.js";
import type { ValueCoverage } from "../../api/values.js";
import { valueKindLabel } from "./valueKind.js";

type Scope = (typeof VALUE_SCOPES)[number];
interface Cell {
  count: number;
  unique: number;
  thin: boolean;
}
interface Row {
  kind: string;
  isDefault: boolean;
  total: Cell;
  cells: Partial<Record<Scope, Cell>>;
}

/** One count: how many items, how many of them unique; thin ones stand out. */
function CountCell(props: { cell: Cell | undefined; label: string; onClick: () => void }) {
  const { t } = useTranslation("values");
  const { token } = theme.useToken();
  const cell = props.cell ?? { count: 0, unique: 0, thin: true };
  return (
    <Tooltip title={cell.thin ? t("coverage.thinHint") : undefined}>
      <Button
        type="text"
        block
        onClick={props.onClick}
        aria-label={t("coverage.cellLabel", { label: props.label, count: cell.count })}
        data-thin={cell.thin ? "true" : "false"}
        style={{
          background: cell.thin ? token.colorWarningBg : undefined,
          color: cell.thin ? token.colorWarningText : undefined,
          fontWeight: cell.count ? 600 : 400,
        }}
      >
        {cell.count}
        {cell.unique ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
            <StarFilled style={{ color: token.colorWarning }} /> {cell.unique}
          </Typography.Text>
        ) : null}
      </Button>
    </Tooltip>
  );
}

/**
 * Where the offer is thin (SPEC §4): active catalogue items per kind × scope. A cell with
 * fewer items than the threshold is marked; ★ counts unique items, the ones competitors lack.
 */
export function CoverageMatrix(props: {
  coverage: ValueCoverage;
  onPick: (filter: { kind?: string; scope?: Scope }) => void;
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const rows: Row[] = props.coverage.byKind.map((k) => ({
    kind: k.kind,
    isDefault: k.isDefault,
    total: k,
    cells: Object.fromEntries(
      props.coverage.byKindScope.filter((c) => c.kind === k.kind).map((c) => [c.scope, c]),
    ),
  }));
  const columns: ColumnsType<Row> = [
    {
      key: "kind",
      title: t("coverage.kind"),
      render: (_, row) => (
        <Flex gap={4} align="center">
          <span>{valueKindLabel(row.kind, te)}</span>
          {!row.isDefault ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("coverage.ownKind")}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...VALUE_SCOPES.map((scope) => ({
      key: scope,
      title: te(`valueScope.${scope}`),
      width: 140,
      align: "center" as const,
      render: (_: unknown, row: Row) => (
        <CountCell
          cell={row.cells[scope]}
          label={`${valueKindLabel(row.kind, te)} · ${te(`valueScope.${scope}`)}`}
          onClick={() => props.onPick({ kind: row.kind, scope })}
        />
      ),
    })),
    {
      key: "total",
      title: t("coverage.total"),
      width: 120,
      align: "center",
      render: (_, row) => (
        <CountCell
          cell={row.total}
          label={valueKindLabel(row.kind, te)}
          onClick={() => props.onPick({ kind: row.kind })}
        />
      ),
    },
  ];
  return (
    <Table<Row>
      rowKey="kind"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      data-testid="coverage-matrix"
    />
  );
}
