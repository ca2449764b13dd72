import { useState } from "react";
import { Alert, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { COMPLAINT_CAUSES } from "../../../src/shared/enums.js";
import type { Complaint, CreateComplaintInput } from "../../api/complaints.js";
import { CustomerSelect, type CustomerPicker } from "../engine/CustomerSelect.js";
import { showServerError } from "../engine/serverErrors.js";

interface Values {
  customerId: number;
  title: string;
  description?: string;
  cause?: CreateComplaintInput["cause"];
  receivedAt?: Dayjs;
}

/** Takes in a complaint: it starts at the listen step, and its clock starts when it reached us. */
export function ReceiveComplaintDialog(props: {
  open: boolean;
  onClose: () => void;
  customerPicker: CustomerPicker;
  onSubmit: (input: CreateComplaintInput) => Promise<Complaint>;
  onReceived: (complaint: Complaint) => void;
}) {
  const { t } = useTranslation("complaints");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const picker = props.customerPicker;

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
        customerId: values.customerId,
        title: values.title.trim(),
        description: values.description?.trim() || undefined,
        cause: values.cause ?? undefined,
        receivedAt: values.receivedAt ? values.receivedAt.toISOString() : undefined,
      });
      form.resetFields();
      props.onReceived(saved);
    } catch (error) {
      setFailure(showServerError(form, error, tt));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t("receive.title")}
      okText={t("receive.submit")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      width={640}
      destroyOnHidden
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" disabled={saving} initialValues={{ receivedAt: dayjs() }}>
        <Form.Item
          name="customerId"
          label={te("customer.label")}
          rules={[{ required: true, message: t("receive.customerRequired") }]}
        >
          <CustomerSelect
            choices={picker.choices}
            loading={picker.loading}
            onSearch={picker.onSearch}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("field.title")}
          rules={[{ required: true, whitespace: true, message: te("common.required") }]}
        >
          <Input maxLength={200} placeholder={t("field.titlePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("field.description")}
          extra={t("field.descriptionHint")}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="cause" label={t("field.cause")} extra={t("field.causeLater")}>
          <Select
            allowClear
            aria-label={t("field.cause")}
            options={COMPLAINT_CAUSES.map((value) => ({ value, label: te(`cause.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="receivedAt" label={t("field.receivedAt")}>
          <DatePicker showTime style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
