import { Card, Col, Form, Input, Radio, Row, Select, Switch, type FormInstance } from "antd";
import { useTranslation } from "react-i18next";
import {
  NEED_KINDS,
  STAGES,
  VALUE_DIMENSIONS,
  VALUE_LIFECYCLES,
  VALUE_SCOPES,
} from "../../../src/shared/enums.js";
import type { CreateValueItemInput, ValueItem } from "../../api/values.js";
import { KindSelect } from "./KindSelect.js";

export const FABE_PARTS = ["feature", "advantage", "benefit", "evidence"] as const;

export type ValueFormValues = Required<
  Pick<
    CreateValueItemInput,
    | "title"
    | "scope"
    | "kind"
    | "statement"
    | "lifecycle"
    | "competitorsLacking"
    | "competitorsHaving"
    | "dimensions"
    | "stages"
    | "needKinds"
    | "active"
  >
> & {
  evidence?: string | null;
  fabe: Record<(typeof FABE_PARTS)[number], string | null | undefined>;
};

export function formValuesOf(item: ValueItem | null): Partial<ValueFormValues> {
  if (!item)
    return {
      scope: "core",
      lifecycle: "growing",
      competitorsLacking: [],
      competitorsHaving: [],
      dimensions: [],
      stages: [],
      needKinds: [],
      active: true,
      fabe: { feature: "", advantage: "", benefit: "", evidence: "" },
    };
  return { ...item, fabe: { ...item.fabe } };
}

/** Fields without a ref, for placing server errors next to them. */
export const VALUE_REFLESS_FIELDS = ["scope", "active", "lifecycle"];

/**
 * A catalogue item: what the value is and its evidence, where it sits (scope, kind, life cycle,
 * dimensions, stages, need kinds), who lacks or has it, and its FABE presentation.
 */
export function ValueItemForm(props: {
  form: FormInstance<ValueFormValues>;
  initialValues: Partial<ValueFormValues>;
  disabled: boolean;
  /** Kinds the company already uses besides the nine. */
  kinds: string[];
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const required = [{ required: true, whitespace: true, message: te("common.required") }];
  const names = {
    mode: "tags" as const,
    tokenSeparators: [",", "，", "、"],
    open: false,
    suffixIcon: null,
  };
  return (
    <Form
      form={props.form}
      layout="vertical"
      initialValues={props.initialValues}
      disabled={props.disabled}
      scrollToFirstError
      data-testid="value-form"
    >
      <Form.Item name="title" label={t("field.title")} rules={required}>
        <Input maxLength={200} placeholder={t("field.titlePlaceholder")} />
      </Form.Item>
      <Form.Item name="statement" label={t("field.statement")} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="scope" label={t("column.scope")} rules={required}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={VALUE_SCOPES.map((s) => ({ value: s, label: te(`valueScope.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t("column.kind")}
            rules={required}
            extra={t("field.kindHint")}
          >
            <KindSelect known={props.kinds} />
          </Form.Item>
        </Col>
      </Row>
      <Card size="small" title={t("fabe.title")} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {FABE_PARTS.map((part) => (
            <Col key={part} xs={24} md={12}>
              <Form.Item
                name={["fabe", part]}
                label={t(`fabe.${part}`)}
                extra={t(`fabe.${part}Hint`)}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Form.Item name="evidence" label={t("field.evidence")}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="competitorsLacking"
            label={t("field.competitorsLacking")}
            extra={t("field.competitorsLackingHint")}
          >
            <Select {...names} aria-label={t("field.competitorsLacking")} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="competitorsHaving"
            label={t("field.competitorsHaving")}
            extra={t("field.competitorsHavingHint")}
          >
            <Select {...names} aria-label={t("field.competitorsHaving")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="dimensions" label={t("column.dimensions")} extra={t("field.dimensionsHint")}>
        <Select
          mode="multiple"
          aria-label={t("column.dimensions")}
          options={VALUE_DIMENSIONS.map((d) => ({ value: d, label: te(`dimension.${d}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="stages" label={t("column.stages")} extra={t("field.stagesHint")}>
            <Select
              mode="multiple"
              aria-label={t("column.stages")}
              options={STAGES.map((s) => ({ value: s, label: tt(`stage.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="needKinds" label={t("field.needKinds")} extra={t("field.needKindsHint")}>
            <Select
              mode="multiple"
              aria-label={t("field.needKinds")}
              options={NEED_KINDS.map((k) => ({ value: k, label: te(`needKind.${k}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="lifecycle" label={t("column.lifecycle")}>
            <Radio.Group
              optionType="button"
              options={VALUE_LIFECYCLES.map((l) => ({ value: l, label: te(`lifecycle.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="active"
            label={t("field.active")}
            valuePropName="checked"
            extra={t("field.activeHint")}
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** Form values as the API takes them: blank text becomes null. */
export function valueInputOf(values: ValueFormValues): CreateValueItemInput {
  const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  return {
    ...values,
    title: values.title.trim(),
    kind: values.kind.trim(),
    statement: values.statement.trim(),
    evidence: blank(values.evidence),
    fabe: {
      feature: blank(values.fabe?.feature),
      advantage: blank(values.fabe?.advantage),
      benefit: blank(values.fabe?.benefit),
      evidence: blank(values.fabe?.evidence),
    },
  };
}
