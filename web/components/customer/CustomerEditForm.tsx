import { useEffect } from "react";
import {
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Rate,
  Row,
  Select,
  type FormInstance,
} from "antd";
import type { Rule } from "antd/es/form/index.js";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../api/types.js";
import { ENUM_OPTIONS, groupsFor, type FieldSpec } from "./customerFields.js";
import { editableFields, formValuesOf } from "./customerForm.js";

/** Date fields travel as "YYYY-MM-DD" strings; the picker works on dayjs values. */
const dateProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === "string" && value ? dayjs(value) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null),
};
/** Money travels in cents; people type yuan. */
const moneyProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === "number" ? value / 100 : null }),
  normalize: (value: number | null) => (typeof value === "number" ? Math.round(value * 100) : null),
};

/**
 * The control for one field. Form.Item hands its child `id`, `value` and `onChange`; they are
 * passed through to the antd control, which is what binds it to the form.
 */
function FieldInput({
  field,
  label,
  ...control
}: { field: FieldSpec; label: string } & Record<string, unknown>) {
  const { t } = useTranslation();
  const common = { ...control, "aria-label": label };
  switch (field.type) {
    case "longText":
      return <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 8 }} />;
    case "enum":
      return (
        <Select
          {...common}
          allowClear
          options={(field.enumName ? ENUM_OPTIONS[field.enumName] : []).map((value) => ({
            value,
            label: t(`${field.enumName}.${value}` as "kind.individual"),
          }))}
        />
      );
    case "date":
      return <DatePicker {...common} style={{ width: "100%" }} />;
    case "integer":
      return <InputNumber {...common} style={{ width: "100%" }} precision={0} />;
    case "score":
      return <Rate {...common} count={5} allowClear />;
    case "money":
      return <InputNumber {...common} style={{ width: "100%" }} precision={2} min={0} prefix="¥" />;
    case "list":
      return (
        <Select
          {...common}
          mode="tags"
          tokenSeparators={[",", "，"]}
          open={false}
          suffixIcon={null}
        />
      );
    default:
      return <Input {...common} />;
  }
}

function rulesFor(field: FieldSpec, t: (key: "errors.validation_error") => string): Rule[] {
  const rules: Rule[] = [];
  if (field.required)
    rules.push({ required: true, whitespace: true, message: t("errors.validation_error") });
  if (field.type === "email") rules.push({ type: "email", message: t("errors.validation_error") });
  return rules;
}

/**
 * The profile as a form, in the same groups as the read view. Only fields the user can see are
 * offered; stage, owner and kind change through their own commands.
 */
export function CustomerEditForm(props: {
  customer: Customer;
  form: FormInstance<Record<string, unknown>>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { customer } = props;
  const groups = groupsFor(customer.kind)
    .map((group) => ({ ...group, fields: editableFields(customer, group.fields) }))
    .filter((group) => group.fields.length > 0);
  const allFields = groups.flatMap((group) => group.fields);

  // The form instance outlives this component (the scene saves through it) and keeps what was
  // typed; start every edit, and every reload after a conflict, from the customer as loaded.
  const { form } = props;
  useEffect(() => {
    form.resetFields();
  }, [form, customer.version]);

  return (
    <Form
      form={props.form}
      layout="vertical"
      disabled={props.disabled}
      initialValues={formValuesOf(customer, allFields)}
      scrollToFirstError
      data-testid="customer-edit-form"
    >
      <Flex vertical gap={16}>
        {groups.map((group) => (
          <Card key={group.key} title={t(`customer.group.${group.key}`)} size="small">
            <Row gutter={16}>
              {group.fields.map((field) => {
                const label = t(`customer.field.${field.key}`);
                return (
                  <Col key={field.key} xs={24} md={field.wide ? 24 : 12} xl={field.wide ? 24 : 8}>
                    <Form.Item
                      name={field.key}
                      label={label}
                      rules={rulesFor(field, t)}
                      {...(field.type === "date" ? dateProps : {})}
                      {...(field.type === "money" ? moneyProps : {})}
                    >
                      <FieldInput field={field} label={label} />
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
      </Flex>
    </Form>
  );
}
