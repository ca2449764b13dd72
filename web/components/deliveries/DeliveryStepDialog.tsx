import { useEffect, useState } from "react";
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DELIVERY_OUTCOMES, INTERACTION_CHANNELS } from "../../../src/shared/enums.js";
import { isApiError } from "../../api/client.js";
import type { Delivery } from "../../api/deliveries.js";
import { showServerError } from "../engine/serverErrors.js";
import type { DeliveryCommand } from "./DeliveriesTable.js";

interface Values {
  at?: Dayjs;
  medium?: Delivery["medium"];
  outcome?: NonNullable<Delivery["outcome"]>;
  evidence?: string;
  reason?: string;
}

export type DeliveryStepInput =
  | { command: "deliver"; version: number; deliveredAt?: string; medium?: string }
  | {
      command: "evaluate";
      version: number;
      outcome: NonNullable<Delivery["outcome"]>;
      evidence: string;
      evaluatedAt?: string;
    }
  | { command: "cancel"; version: number; reason?: string };

/**
 * Delivers a planned delivery, records its effect — step 5: did the customer recognise and
 * accept it? — or drops it.
 */
export function DeliveryStepDialog(props: {
  target: { delivery: Delivery; command: DeliveryCommand; title: string } | null;
  onClose: () => void;
  onSubmit: (id: number, input: DeliveryStepInput) => Promise<Delivery>;
  onDone: (delivery: Delivery) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation("deliveries");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const target = props.target;

  useEffect(() => {
    setFailure(null);
    form.resetFields();
  }, [form, target?.delivery.id, target?.command]);

  if (!target) return null;
  const { delivery, command } = target;

  const submit = async () => {
    setFailure(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const version = delivery.version;
    const input: DeliveryStepInput =
      command === "deliver"
        ? {
            command,
            version,
            ...(values.at ? { deliveredAt: values.at.toISOString() } : {}),
            ...(values.medium && values.medium !== delivery.medium
              ? { medium: values.medium }
              : {}),
          }
        : command === "evaluate"
          ? { command, version, outcome: values.outcome!, evidence: values.evidence!.trim() }
          : {
              command,
              version,
              ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
            };
    setSaving(true);
    try {
      props.onDone(await props.onSubmit(delivery.id, input));
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setFailure(t("step.stale"));
        props.onStale();
      } else setFailure(showServerError(form, error, tt, { fields: ["outcome"] }));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: te("common.required") }];
  return (
    <Modal
      open
      title={`${t(`step.${command}Title`)} · ${target.title}`}
      okText={t(`step.${command}Ok`)}
      okButtonProps={{ danger: command === "cancel" }}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      data-testid="delivery-step"
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t(`step.${command}Explain`)}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{ at: dayjs(), medium: delivery.medium ?? undefined }}
      >
        {command === "deliver" ? (
          <>
            <Form.Item name="at" label={t("step.deliveredAt")}>
              <DatePicker
                showTime
                style={{ width: "100%" }}
                disabledDate={(d) => d.isAfter(dayjs())}
              />
            </Form.Item>
            <Form.Item name="medium" label={t("step.mediumUsed")}>
              <Select
                allowClear
                aria-label={t("step.mediumUsed")}
                options={INTERACTION_CHANNELS.map((c) => ({ value: c, label: te(`channel.${c}`) }))}
              />
            </Form.Item>
          </>
        ) : null}
        {command === "evaluate" ? (
          <>
            <Form.Item
              name="outcome"
              label={t("step.outcome")}
              rules={[{ required: true, message: te("common.required") }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={DELIVERY_OUTCOMES.map((o) => ({ value: o, label: te(`outcome.${o}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="evidence"
              label={t("step.evidence")}
              extra={t("step.evidenceHint")}
              rules={required}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {command === "cancel" ? (
          <Form.Item name="reason" label={t("step.reason")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
