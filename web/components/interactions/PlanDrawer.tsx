import { useEffect, useState } from "react";
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
} from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.js";
import type { CreatePlanInput, InteractionPlan, UpdatePlanInput } from "../../api/interactions.js";
import { CustomerSelect, type CustomerPicker } from "../engine/CustomerSelect.js";
import { showServerError } from "../engine/serverErrors.js";
import { channelOptions } from "./channelOptions.js";

const PLAN_STATUSES = ["draft", "active", "completed", "cancelled"] as const;

interface Values {
  name: string;
  customerId?: number;
  object?: string;
  goals: { text: string; due?: Dayjs; met?: boolean }[];
  content?: string;
  channel?: InteractionPlan["channel"];
  frequencyDays?: number | null;
  period?: [Dayjs | null, Dayjs | null] | null;
  evaluation?: string;
  status: InteractionPlan["status"];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

function valuesOf(plan: InteractionPlan | null): Partial<Values> {
  if (!plan)
    return { status: "active", goals: [{ text: "", due: dayjs().add(14, "day"), met: false }] };
  return {
    name: plan.name,
    customerId: plan.customerId ?? undefined,
    object: plan.object ?? undefined,
    goals: plan.goals.map((g) => ({ text: g.text, due: dayjs(g.due), met: g.met })),
    content: plan.content ?? undefined,
    channel: plan.channel,
    frequencyDays: plan.frequencyDays,
    period:
      plan.startsOn || plan.endsOn
        ? [plan.startsOn ? dayjs(plan.startsOn) : null, plan.endsOn ? dayjs(plan.endsOn) : null]
        : null,
    evaluation: plan.evaluation ?? undefined,
    status: plan.status,
  };
}

/**
 * An interaction plan (SPEC §10): its object, goals (specific, achievable, time-bound), content,
 * channel and frequency, and its evaluation — goals met? problems? new findings?
 */
export function PlanDrawer(props: {
  plan: InteractionPlan | "new" | null;
  picker: CustomerPicker;
  canEdit: boolean;
  onClose: () => void;
  onCreate: (input: CreatePlanInput) => Promise<InteractionPlan>;
  onUpdate: (id: number, input: UpdatePlanInput) => Promise<InteractionPlan>;
  onStale: () => void;
}) {
  const { t } = useTranslation("interactions");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const creating = props.plan === "new";
  const plan = props.plan !== "new" ? props.plan : null;
  const shown = creating ? "new" : (plan?.id ?? null);
  // Another plan starts clean; a newer version of the same one (after a stale write) reloads
  // the form but keeps the message that explains why.
  useEffect(() => setFailure(null), [shown]);
  useEffect(() => form.resetFields(), [form, shown, plan?.version]);

  const save = async () => {
    setFailure(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const fields = {
      name: values.name.trim(),
      object: values.object?.trim() || null,
      goals: values.goals.map((g) => ({
        text: g.text.trim(),
        due: day(g.due)!,
        met: Boolean(g.met),
      })),
      content: values.content?.trim() || null,
      channel: values.channel ?? null,
      frequencyDays: values.frequencyDays ?? null,
      startsOn: day(values.period?.[0]),
      endsOn: day(values.period?.[1]),
      evaluation: values.evaluation?.trim() || null,
      status: values.status,
    };
    setSaving(true);
    try {
      if (creating) {
        await props.onCreate({
          ...fields,
          ...(values.customerId ? { customerId: values.customerId } : {}),
        });
        props.onClose();
      } else if (plan) {
        await props.onUpdate(plan.id, { ...fields, version: plan.version });
        props.onClose();
      }
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setFailure(t("plan.stale"));
        props.onStale();
      } else
        setFailure(
          showServerError(form, error, tt, { aliases: { startsOn: "period", endsOn: "period" } }),
        );
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: te("common.required") }];
  return (
    <Drawer
      open={props.plan !== null}
      onClose={props.onClose}
      size="large"
      title={creating ? t("plan.createTitle") : plan?.name}
      destroyOnHidden
      extra={
        props.canEdit ? (
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {te("common.save")}
          </Button>
        ) : null
      }
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={saving || !props.canEdit}
        initialValues={valuesOf(plan)}
        data-testid="plan-form"
      >
        <Form.Item name="name" label={t("plan.name")} rules={required}>
          <Input maxLength={200} placeholder={t("plan.namePlaceholder")} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="customerId"
              label={te("customer.label")}
              extra={t("plan.customerHint")}
            >
              <CustomerSelect
                choices={props.picker.choices}
                loading={props.picker.loading}
                onSearch={props.picker.onSearch}
                selectedName={plan?.customerId ? props.picker.nameOf(plan.customerId) : undefined}
                disabled={!creating}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t("plan.status")}>
              <Select
                aria-label={t("plan.status")}
                options={PLAN_STATUSES.map((s) => ({ value: s, label: te(`planStatus.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="object" label={t("plan.object")} extra={t("plan.objectHint")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t("plan.goals")} extra={t("plan.goalsHint")} required>
          <Form.List name="goals">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, "met"]} valuePropName="checked" noStyle>
                      <Checkbox
                        aria-label={t("plan.goalMet", { n: index + 1 })}
                        style={{ marginTop: 6 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "text"]}
                      rules={required}
                      style={{ flex: 1, margin: 0 }}
                    >
                      <Input
                        aria-label={t("plan.goalText", { n: index + 1 })}
                        placeholder={t("plan.goalPlaceholder")}
                        maxLength={500}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "due"]}
                      rules={[{ required: true, message: te("common.required") }]}
                      style={{ margin: 0 }}
                    >
                      <DatePicker
                        aria-label={t("plan.goalDue", { n: index + 1 })}
                        placeholder={t("plan.due")}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t("plan.removeGoal", { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ text: "", due: dayjs().add(14, "day"), met: false })}
                >
                  {t("plan.addGoal")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="content" label={t("plan.content")} extra={t("plan.contentHint")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label={t("field.channel")}>
              <Select allowClear aria-label={t("field.channel")} options={channelOptions(te)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="frequencyDays" label={t("plan.frequency")}>
              <InputNumber
                min={1}
                max={3650}
                precision={0}
                suffix={t("plan.days")}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="period" label={t("plan.period")}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="evaluation" label={t("plan.evaluation")} extra={t("plan.evaluationHint")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
