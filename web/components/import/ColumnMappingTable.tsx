import { Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { ImportKind } from "../../api/imports.js";
import { IMPORT_FIELDS } from "./importFields.js";
import { useImportFieldLabel } from "./useImportFieldLabel.js";

interface Row {
  index: number;
  header: string;
  field: string | null;
}

/**
 * The file's columns and the field each fills. Editable for CSV files (the header is rewritten
 * before upload); for workbooks it shows how the server read the header.
 */
export function ColumnMappingTable(props: {
  kind: ImportKind;
  headers: string[];
  mapping: (string | null)[];
  editable: boolean;
  onChange: (index: number, field: string | null) => void;
}) {
  const { t } = useTranslation("imports");
  const label = useImportFieldLabel();
  const fields = IMPORT_FIELDS[props.kind];
  const taken = new Set(props.mapping.filter((f): f is string => f !== null));
  const missing = fields.filter((spec) => spec.required && !taken.has(spec.field));
  const rows: Row[] = props.headers.map((header, index) => ({
    index,
    header,
    field: props.mapping[index] ?? null,
  }));
  const columns: ColumnsType<Row> = [
    {
      key: "header",
      title: t("map.column"),
      render: (_, row) => <Typography.Text code>{row.header || t("map.blank")}</Typography.Text>,
    },
    {
      key: "field",
      title: t("map.field"),
      width: 320,
      render: (_, row) =>
        props.editable ? (
          <Select
            aria-label={t("map.fieldFor", { header: row.header })}
            value={row.field ?? ""}
            onChange={(value: string) => props.onChange(row.index, value || null)}
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: "100%" }}
            options={[
              { value: "", label: t("map.skip") },
              ...fields.map((spec) => ({
                value: spec.field,
                label: `${label(props.kind, spec.field)}${spec.required ? " *" : ""}`,
                disabled: taken.has(spec.field) && spec.field !== row.field,
              })),
            ]}
          />
        ) : row.field ? (
          label(props.kind, row.field)
        ) : (
          <Typography.Text type="secondary">{t("map.skip")}</Typography.Text>
        ),
    },
  ];
  return (
    <>
      {missing.length ? (
        <Typography.Paragraph type="danger" role="alert">
          {t("map.missing")}{" "}
          {missing.map((spec) => (
            <Tag key={spec.field} color="red">
              {label(props.kind, spec.field)}
            </Tag>
          ))}
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="column-mapping"
      />
    </>
  );
}
