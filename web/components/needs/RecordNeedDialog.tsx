import { useState } from "react";
import { Alert, Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerChoice } from "../../api/customerChoices.js";
import type { CreateNeedInput, Need } from "../../api/needs.js";
import { CustomerSelect, type CustomerPicker } from "../engine/CustomerSelect.js";
import { showServerError } from "../engine/serverErrors.js";
import {
  EMPTY_NEED,
  NEED_REFLESS_FIELDS,
  NeedForm,
  needInputOf,
  type NeedFormFields,
  type NeedFormValues,
} from "./NeedForm.js";

export interface RecordNeedDialogProps {
  open: boolean;
  onClose: () => void;
  /** Saves the need, e.g. `useRecordNeed().mutateAsync` from `api/needs`. */
  onSubmit: (input: CreateNeedInput) => Promise<Need>;
  /** Called with the saved need, after the dialog has closed. */
  onRecorded?: (need: Need) => void;
  /** The customer the need is for (the customer 360 page); otherwise `customerPicker` is shown. */
  customer?: CustomerChoice;
  customerPicker?: CustomerPicker;
  /** Starting values, e.g. a level or kind suggested by a complaint. */
  defaults?: Partial<NeedFormValues>;
}

/**
 * Records a need of one customer with its level, kind and eight characteristics (SPEC §3).
 * Used by the needs scene and the customer 360 page. Server errors appear next to their field.
 */
export function RecordNeedDialog(props: RecordNeedDialogProps) {
  const { t } = useTranslation("needs");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<NeedFormFields>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const picker = props.customerPicker;

  const submit = async () => {
    setFailure(null);
    let values: NeedFormFields;
    try {
      values = await form.validateFields();
    } catch {
      return; // The form shows what is missing.
    }
    const customerId = props.customer?.id ?? values.customerId;
    if (customerId === undefined) return;
    const { customerId: _picked, ...need } = values;
    setSaving(true);
    try {
      const saved = await props.onSubmit({ ...needInputOf(need), customerId } as CreateNeedInput);
      form.resetFields();
      props.onClose();
      props.onRecorded?.(saved);
    } catch (error) {
      setFailure(showServerError(form, error, tt, { fields: [...NEED_REFLESS_FIELDS] }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={
        props.customer ? t("record.titleFor", { name: props.customer.name }) : t("record.title")
      }
      okText={t("record.submit")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      width={760}
      destroyOnHidden
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <NeedForm
        form={form}
        initialValues={{ ...EMPTY_NEED, ...props.defaults }}
        disabled={saving}
        customerField={
          !props.customer && picker ? (
            <Form.Item
              name="customerId"
              label={t("field.customer")}
              rules={[{ required: true, message: t("record.customerRequired") }]}
              extra={t("record.customerHint")}
            >
              <CustomerSelect
                choices={picker.choices}
                loading={picker.loading}
                onSearch={picker.onSearch}
              />
            </Form.Item>
          ) : null
        }
      />
    </Modal>
  );
}
