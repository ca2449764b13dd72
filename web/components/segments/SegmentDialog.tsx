import { useEffect, useState } from "react";
import { Alert, Form, Input, Modal, Radio, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MARKETING_MODES, SEGMENT_DECISIONS } from "../../../src/shared/enums.js";
import { isApiError } from "../../api/client.js";
import type { CreateSegmentInput, CustomerFilter, Segment } from "../../api/segments.js";
import { showServerError } from "../engine/serverErrors.js";
import { DefinitionTags } from "./DefinitionTags.js";

interface Values {
  name: string;
  description?: string | null;
  shared: boolean;
  decision?: Segment["decision"] | "";
  decisionReason?: string | null;
  marketingMode?: Segment["marketingMode"] | "";
}

/** What the dialog saves: a new segment, or the changed fields of one. */
export type SegmentDraft = Omit<CreateSegmentInput, "definition">;

/**
 * Names a segment and records the decision about it — pursue, maintain or give up, with the
 * reasoning — and its marketing mode (SPEC §6). The definition is the filter it was made from.
 */
export function SegmentDialog(props: {
  open: boolean;
  /** The segment to change; absent when creating one from `definition`. */
  segment?: Segment;
  definition: CustomerFilter;
  onClose: () => void;
  onSubmit: (draft: SegmentDraft) => Promise<Segment>;
  onSaved: (segment: Segment) => void;
}) {
  const { t } = useTranslation("segments");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const decision = Form.useWatch("decision", form);
  const { segment } = props;

  useEffect(() => {
    if (props.open) setFailure(null);
  }, [props.open]);
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [form, props.open, segment?.version]);

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
        name: values.name.trim(),
        description: values.description?.trim() || null,
        shared: values.shared,
        decision: values.decision || null,
        decisionReason: values.decisionReason?.trim() || null,
        marketingMode: values.marketingMode || null,
      });
      props.onSaved(saved);
    } catch (error) {
      setFailure(
        isApiError(error, "stale_write")
          ? t("dialog.stale")
          : showServerError(form, error, tt, { fields: ["decision", "marketingMode", "shared"] }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={segment ? t("dialog.editTitle", { name: segment.name }) : t("dialog.createTitle")}
      okText={segment ? t("dialog.save") : t("dialog.create")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      width={680}
      destroyOnHidden
      data-testid="segment-dialog"
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Paragraph>
        <Typography.Text strong>{t("dialog.definition")}</Typography.Text>{" "}
        <DefinitionTags filter={props.definition} />
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{
          name: segment?.name ?? "",
          description: segment?.description ?? "",
          shared: segment?.shared ?? true,
          decision: segment?.decision ?? "",
          decisionReason: segment?.decisionReason ?? "",
          marketingMode: segment?.marketingMode ?? "",
        }}
      >
        <Form.Item
          name="name"
          label={t("field.name")}
          rules={[{ required: true, whitespace: true, message: te("common.required") }]}
        >
          <Input maxLength={200} placeholder={t("field.namePlaceholder")} />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="decision" label={t("field.decision")} extra={t("field.decisionHint")}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "", label: t("field.undecided") },
              ...SEGMENT_DECISIONS.map((value) => ({ value, label: te(`decision.${value}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="decisionReason"
          label={t("field.decisionReason")}
          extra={t("field.decisionReasonHint")}
          rules={[
            { required: Boolean(decision), whitespace: true, message: t("field.reasonRequired") },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="marketingMode" label={t("field.marketingMode")}>
          <Radio.Group
            options={[
              { value: "", label: t("field.noMode") },
              ...MARKETING_MODES.map((value) => ({
                value,
                label: (
                  <span>
                    {te(`marketingMode.${value}`)}{" "}
                    <Typography.Text type="secondary">
                      {te(`marketingModeHint.${value}`)}
                    </Typography.Text>
                  </span>
                ),
              })),
            ]}
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
          />
        </Form.Item>
        <Form.Item
          name="shared"
          label={t("field.shared")}
          valuePropName="checked"
          extra={t("field.sharedHint")}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
