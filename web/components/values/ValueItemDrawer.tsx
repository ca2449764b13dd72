import { useEffect, useState } from "react";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Row,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.js";
import type { CreateValueItemInput, UpdateValueItemInput, ValueItem } from "../../api/values.js";
import { showServerError } from "../engine/serverErrors.js";
import {
  FABE_PARTS,
  VALUE_REFLESS_FIELDS,
  ValueItemForm,
  formValuesOf,
  valueInputOf,
  type ValueFormValues,
} from "./ValueItemForm.js";
import { valueKindLabel } from "./valueKind.js";

/** The FABE presentation as an account manager puts it in front of a customer. */
function FabeCards({ item }: { item: ValueItem }) {
  const { t } = useTranslation("values");
  return (
    <Row gutter={[12, 12]} data-testid="fabe">
      {FABE_PARTS.map((part) => (
        <Col key={part} xs={24} md={12}>
          <Card size="small" title={t(`fabe.${part}`)}>
            {item.fabe[part] ?? (
              <Typography.Text type="secondary">{t("fabe.missing")}</Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function changes(item: ValueItem, input: CreateValueItemInput): UpdateValueItemInput | null {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (JSON.stringify((item as Record<string, unknown>)[key]) !== JSON.stringify(value))
      patch[key] = value;
  }
  return Object.keys(patch).length
    ? ({ ...patch, version: item.version } as UpdateValueItemInput)
    : null;
}

/** One catalogue item: read its FABE, or (catalogue keepers) change it; also creates new ones. */
export function ValueItemDrawer(props: {
  /** The item shown; "new" to create one; null when closed. */
  item: ValueItem | "new" | null;
  canEdit: boolean;
  kinds: string[];
  onClose: () => void;
  onCreate: (input: CreateValueItemInput) => Promise<ValueItem>;
  onUpdate: (id: number, input: UpdateValueItemInput) => Promise<ValueItem>;
  onStale: () => void;
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<ValueFormValues>();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const creating = props.item === "new";
  const item = props.item !== "new" ? props.item : null;

  const shown = creating ? "new" : (item?.id ?? null);
  // Another item starts clean; a newer version of the same one (after a stale write) reloads
  // the form but keeps the message that explains why.
  useEffect(() => {
    setEditing(shown === "new");
    setFailure(null);
  }, [shown]);
  useEffect(() => form.resetFields(), [form, shown, item?.version]);

  const save = async () => {
    setFailure(null);
    let values: ValueFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const input = valueInputOf(values);
      if (creating) await props.onCreate(input);
      else if (item) {
        const patch = changes(item, input);
        if (patch) await props.onUpdate(item.id, patch);
      }
      setEditing(false);
      if (creating) props.onClose();
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setFailure(t("drawer.stale"));
        props.onStale();
      } else setFailure(showServerError(form, error, tt, { fields: VALUE_REFLESS_FIELDS }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={props.item !== null}
      onClose={props.onClose}
      size="large"
      title={creating ? t("drawer.createTitle") : item?.title}
      destroyOnHidden
      extra={
        props.canEdit ? (
          editing ? (
            <Flex gap={8}>
              {!creating ? (
                <Button onClick={() => setEditing(false)}>{te("common.cancel")}</Button>
              ) : null}
              <Button type="primary" loading={saving} onClick={() => void save()}>
                {te("common.save")}
              </Button>
            </Flex>
          ) : (
            <Button onClick={() => setEditing(true)}>{te("common.edit")}</Button>
          )
        ) : null
      }
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      {editing ? (
        <ValueItemForm
          key={item?.version ?? "new"}
          form={form}
          initialValues={formValuesOf(item)}
          disabled={saving}
          kinds={props.kinds}
        />
      ) : item ? (
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ fontSize: 16, margin: 0 }}>
            {item.statement}
          </Typography.Paragraph>
          <FabeCards item={item} />
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "scope", label: t("column.scope"), children: te(`valueScope.${item.scope}`) },
              { key: "kind", label: t("column.kind"), children: valueKindLabel(item.kind, te) },
              {
                key: "lifecycle",
                label: t("column.lifecycle"),
                children: te(`lifecycle.${item.lifecycle}`),
              },
              {
                key: "evidence",
                label: t("field.evidence"),
                children: item.evidence ?? te("common.none"),
              },
              {
                key: "unique",
                label: t("field.competition"),
                children: item.unique
                  ? t("uniqueHint", { names: item.competitorsLacking.join(t("separator")) })
                  : item.competitorsHaving.length
                    ? t("parityHint", { names: item.competitorsHaving.join(t("separator")) })
                    : t("noCompetitors"),
              },
              {
                key: "dimensions",
                label: t("column.dimensions"),
                children: (
                  <Flex wrap gap={4}>
                    {item.dimensions.map((d) => (
                      <Tag key={d}>{te(`dimension.${d}`)}</Tag>
                    ))}
                  </Flex>
                ),
              },
              {
                key: "stages",
                label: t("column.stages"),
                children:
                  item.stages.map((s) => tt(`stage.${s}`)).join(t("separator")) ||
                  te("common.none"),
              },
              {
                key: "needKinds",
                label: t("field.needKinds"),
                children:
                  item.needKinds.map((k) => te(`needKind.${k}`)).join(t("separator")) ||
                  te("common.none"),
              },
            ]}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
