import { useEffect, useState } from "react";
import { Alert, Button, Checkbox, Flex, Form, InputNumber, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.js";
import type { RetentionSettings, UpdateRetentionInput } from "../../api/settings.js";
import { showServerError } from "../engine/serverErrors.js";

interface Values {
  exitedCustomerYears: number | null;
  keepExited: boolean;
  interactionYears: number | null;
  keepInteractions: boolean;
}

/**
 * How long personal data is kept: years, or indefinitely. Saved from the version it shows; when
 * another admin saved first, it says so and `onStale` loads their periods into the form.
 */
export function RetentionForm(props: {
  retention: RetentionSettings;
  onSubmit: (input: UpdateRetentionInput) => Promise<RetentionSettings>;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation("settings");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keepExited = Form.useWatch("keepExited", form);
  const keepInteractions = Form.useWatch("keepInteractions", form);
  const initial: Values = {
    exitedCustomerYears: props.retention.exitedCustomerYears,
    keepExited: props.retention.exitedCustomerYears === null,
    interactionYears: props.retention.interactionYears,
    keepInteractions: props.retention.interactionYears === null,
  };
  useEffect(() => form.resetFields(), [form, props.retention]);

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
      await props.onSubmit({
        version: props.retention.version,
        exitedCustomerYears: values.keepExited ? null : values.exitedCustomerYears,
        interactionYears: values.keepInteractions ? null : values.interactionYears,
      });
      props.onSaved();
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setFailure(t("retention.stale"));
        props.onStale();
      } else setFailure(showServerError(form, error, tt));
    } finally {
      setSaving(false);
    }
  };
  const years = (keep: boolean | undefined) => [
    { required: !keep, message: t("retention.yearsRequired") },
  ];
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={saving}
      style={{ maxWidth: 560 }}
    >
      <Typography.Paragraph type="secondary">{t("retention.explain")}</Typography.Paragraph>
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        label={t("retention.exited")}
        extra={t("retention.exitedHint")}
        required={!keepExited}
      >
        <Flex gap={16} align="center">
          <Form.Item name="exitedCustomerYears" noStyle rules={years(keepExited)}>
            <InputNumber
              aria-label={t("retention.exited")}
              min={1}
              max={100}
              precision={0}
              disabled={keepExited}
              suffix={t("retention.years")}
            />
          </Form.Item>
          <Form.Item name="keepExited" valuePropName="checked" noStyle>
            <Checkbox>{t("retention.keep")}</Checkbox>
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item
        label={t("retention.interactions")}
        extra={t("retention.interactionsHint")}
        required={!keepInteractions}
      >
        <Flex gap={16} align="center">
          <Form.Item name="interactionYears" noStyle rules={years(keepInteractions)}>
            <InputNumber
              aria-label={t("retention.interactions")}
              min={1}
              max={100}
              precision={0}
              disabled={keepInteractions}
              suffix={t("retention.years")}
            />
          </Form.Item>
          <Form.Item name="keepInteractions" valuePropName="checked" noStyle>
            <Checkbox>{t("retention.keep")}</Checkbox>
          </Form.Item>
        </Flex>
      </Form.Item>
      <Button type="primary" loading={saving} onClick={() => void submit()}>
        {t("retention.save")}
      </Button>
    </Form>
  );
}
