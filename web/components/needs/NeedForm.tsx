import { Card, Col, Form, Input, Radio, Row, Select, Typography, type FormInstance } from "antd";
import { useTranslation } from "react-i18next";
import {
  HUMAN_NEED_LEVELS,
  NEED_KINDS,
  NEED_LEVELS,
  NEED_SOURCES,
  NEED_STATUSES,
} from "../../../src/shared/enums.js";
import type { Need } from "../../api/needs.js";

/** The eight characteristics of a need (SPEC §3), in the order people ask about them. */
export const NEED_CHARACTERISTICS = [
  "what",
  "whenNeeded",
  "whereNeeded",
  "why",
  "howMany",
  "price",
  "payment",
  "frequency",
] as const;
export type NeedCharacteristic = (typeof NEED_CHARACTERISTICS)[number];

export type NeedFormValues = Pick<
  Need,
  "level" | "kind" | "title" | "status" | NeedCharacteristic | "humanLevel" | "source" | "evidence"
>;

/** The form's own values: a need, and its customer when the form picks one. */
export type NeedFormFields = NeedFormValues & { customerId?: number };

export const EMPTY_NEED: Partial<NeedFormValues> = { level: "core", status: "open" };

/** Form fields that hold no ref, for placing server errors (see showServerError). */
export const NEED_REFLESS_FIELDS = ["level"] as const;

/**
 * A need's fields: level, kind and a short title first, then the eight characteristics, then
 * status, source and evidence. `customerField` is the customer picker when the need's customer
 * is still to be chosen.
 */
export function NeedForm(props: {
  form: FormInstance<NeedFormFields>;
  initialValues: Partial<NeedFormValues>;
  disabled?: boolean;
  customerField?: React.ReactNode;
}) {
  const { t } = useTranslation("needs");
  const { t: te } = useTranslation("engine");
  const level = Form.useWatch("level", props.form) ?? props.initialValues.level;
  const required = [{ required: true, message: te("common.required") }];
  return (
    <Form
      form={props.form}
      layout="vertical"
      initialValues={props.initialValues}
      disabled={props.disabled}
      scrollToFirstError
      data-testid="need-form"
    >
      {props.customerField}
      <Form.Item
        name="level"
        label={t("field.level")}
        rules={required}
        extra={level ? te(`needLevelHint.${level}`) : undefined}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={NEED_LEVELS.map((value) => ({ value, label: te(`needLevel.${value}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t("field.kind")} rules={required}>
            <Select
              aria-label={t("field.kind")}
              options={NEED_KINDS.map((value) => ({ value, label: te(`needKind.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="humanLevel"
            label={t("field.humanLevel")}
            extra={t("field.humanLevelHint")}
          >
            <Select
              allowClear
              aria-label={t("field.humanLevel")}
              options={HUMAN_NEED_LEVELS.map((value) => ({
                value,
                label: te(`humanLevel.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t("field.title")}
        rules={[...required, { whitespace: true, message: te("common.required") }]}
      >
        <Input maxLength={200} placeholder={t("field.titlePlaceholder")} />
      </Form.Item>
      <Card
        size="small"
        title={t("characteristics.title")}
        extra={<Typography.Text type="secondary">{t("characteristics.hint")}</Typography.Text>}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={16}>
          {NEED_CHARACTERISTICS.map((key) => (
            <Col key={key} xs={24} md={12}>
              <Form.Item name={key} label={t(`characteristics.${key}`)}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={key === "what" || key === "why" ? 1000 : 500}
                  placeholder={t(`characteristics.${key}Placeholder`)}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t("field.status")}>
            <Select
              aria-label={t("field.status")}
              options={NEED_STATUSES.map((value) => ({ value, label: te(`needStatus.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t("field.source")}>
            <Select
              allowClear
              aria-label={t("field.source")}
              options={NEED_SOURCES.map((value) => ({ value, label: te(`needSource.${value}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="evidence" label={t("field.evidence")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </Form>
  );
}

/** Form values as the API takes them: blank text becomes null (not known). */
export function needInputOf(values: NeedFormValues): NeedFormValues {
  const out = { ...values } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === "string") out[key] = value.trim() === "" ? null : value.trim();
    if (value === undefined) out[key] = null;
  }
  return out as unknown as NeedFormValues;
}
