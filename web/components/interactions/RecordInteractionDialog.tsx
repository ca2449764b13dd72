import { useEffect, useState } from "react";
import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { INTERACTION_CONTENT, INTERACTION_DIRECTIONS } from "../../../src/shared/enums.js";
import type {
  Interaction,
  InteractionPlan,
  RecordInteractionInput,
} from "../../api/interactions.js";
import { CustomerSelect, type CustomerPicker } from "../engine/CustomerSelect.js";
import { showServerError } from "../engine/serverErrors.js";
import { channelOptions } from "./channelOptions.js";

interface Values {
  customerId?: number;
  planId?: number;
  channel?: RecordInteractionInput["channel"];
  contentType?: RecordInteractionInput["contentType"];
  direction?: RecordInteractionInput["direction"];
  occurredAt?: Dayjs;
  summary?: string;
  outcome?: string;
}

/** What the dialog is opened with: a customer and a plan it carries out, when known. */
export interface InteractionStart {
  customerId?: number;
  plan?: InteractionPlan;
}

/** Records an interaction: channel, content (information, emotion, opinions), what was said. */
export function RecordInteractionDialog(props: {
  start: InteractionStart | null;
  picker: CustomerPicker;
  onClose: () => void;
  onSubmit: (input: RecordInteractionInput) => Promise<Interaction>;
  onRecorded: (interaction: Interaction) => void;
}) {
  const { t } = useTranslation("interactions");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const start = props.start;

  useEffect(() => {
    if (!start) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({
      customerId: start.customerId ?? start.plan?.customerId ?? undefined,
      planId: start.plan?.id,
      channel: start.plan?.channel ?? undefined,
    });
  }, [form, start]);

  const submit = async () => {
    setFailure(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await props.onSubmit({
        customerId: values.customerId!,
        ...(values.planId ? { planId: values.planId } : {}),
        channel: values.channel!,
        contentType: values.contentType!,
        direction: values.direction!,
        occurredAt: (values.occurredAt ?? dayjs()).toISOString(),
        summary: values.summary!.trim(),
        ...(values.outcome?.trim() ? { outcome: values.outcome.trim() } : {}),
      });
      props.onRecorded(saved);
    } catch (error) {
      setFailure(showServerError(form, error, tt, { fields: ["contentType", "direction"] }));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: te("common.required") }];
  return (
    <Modal
      open={start !== null}
      title={start?.plan ? t("record.titleFor", { plan: start.plan.name }) : t("record.title")}
      okText={t("record.submit")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      width={680}
      destroyOnHidden
      data-testid="record-interaction"
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{ direction: "outbound", contentType: "information", occurredAt: dayjs() }}
      >
        <Form.Item name="customerId" label={te("customer.label")} rules={required}>
          <CustomerSelect
            choices={props.picker.choices}
            loading={props.picker.loading}
            onSearch={props.picker.onSearch}
            disabled={Boolean(start?.plan?.customerId)}
          />
        </Form.Item>
        <Form.Item name="planId" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="channel" label={t("field.channel")} rules={required}>
          <Select aria-label={t("field.channel")} options={channelOptions(te)} />
        </Form.Item>
        <Form.Item name="contentType" label={t("field.contentType")} rules={required}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={INTERACTION_CONTENT.map((c) => ({ value: c, label: te(`contentType.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="direction" label={t("field.direction")} rules={required}>
          <Radio.Group
            options={INTERACTION_DIRECTIONS.map((d) => ({ value: d, label: te(`direction.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="occurredAt" label={t("field.occurredAt")}>
          <DatePicker showTime style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t("field.summary")}
          rules={[{ required: true, whitespace: true, message: te("common.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="outcome" label={t("field.outcome")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
