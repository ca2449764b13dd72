import { useEffect } from "react";
import { Alert, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  NEED_KINDS,
  NEED_LEVELS,
  NEED_SOURCES,
  NEED_STATUSES,
  type NeedStatus,
} from "../../../src/shared/enums.js";
import type { NeedSummary, NewNeed } from "../../api/customer360.js";

/** Records a need the account manager has found (level, kind, a short name, the evidence). */
export function RecordNeedDialog(props: {
  open: boolean;
  submitting: boolean;
  error: string | null;
  onSubmit: (need: NewNeed) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("customer360");
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<NewNeed>();
  useEffect(() => {
    if (props.open) form.setFieldsValue({ level: "core", kind: "quality", source: "interaction" });
  }, [props.open, form]);
  return (
    <Modal
      open={props.open}
      title={t("needs.record")}
      okText={t("needs.save")}
      cancelText={tc("actions.cancelEdit")}
      confirmLoading={props.submitting}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          props.onSubmit({
            ...values,
            title: values.title.trim(),
            ...(values.evidence?.trim() ? { evidence: values.evidence.trim() } : {}),
          })
        }
      >
        <Form.Item
          name="title"
          label={t("needs.title")}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input autoFocus placeholder={t("needs.titlePlaceholder")} />
        </Form.Item>
        <Form.Item name="level" label={t("needs.levelLabel")} rules={[{ required: true }]}>
          <Select options={NEED_LEVELS.map((v) => ({ value: v, label: t(`needs.level.${v}`) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t("needs.kindLabel")} rules={[{ required: true }]}>
          <Select options={NEED_KINDS.map((v) => ({ value: v, label: t(`needs.kind.${v}`) }))} />
        </Form.Item>
        <Form.Item name="source" label={t("needs.sourceLabel")}>
          <Select
            options={NEED_SOURCES.map((v) => ({ value: v, label: t(`needs.source.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="evidence" label={t("needs.evidence")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {props.error ? <Alert type="error" showIcon role="alert" title={props.error} /> : null}
      </Form>
    </Modal>
  );
}

/** Moves a need along: being met, met, deferred or declined. */
export function NeedStatusDialog(props: {
  need: NeedSummary | null;
  submitting: boolean;
  error: string | null;
  onSubmit: (status: NeedStatus) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("customer360");
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ status: NeedStatus }>();
  useEffect(() => {
    if (props.need)
      form.setFieldsValue({ status: props.need.status === "open" ? "being_met" : "met" });
  }, [props.need, form]);
  return (
    <Modal
      open={props.need !== null}
      title={props.need ? t("needs.statusTitle", { title: props.need.title }) : ""}
      okText={t("needs.save")}
      cancelText={tc("actions.cancelEdit")}
      confirmLoading={props.submitting}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => props.onSubmit(values.status)}>
        <Form.Item name="status" label={t("needs.statusLabel")} rules={[{ required: true }]}>
          <Select
            options={NEED_STATUSES.map((v) => ({ value: v, label: t(`needs.status.${v}`) }))}
          />
        </Form.Item>
        {props.error ? <Alert type="error" showIcon role="alert" title={props.error} /> : null}
      </Form>
    </Modal>
  );
}
