import { useEffect, useState } from "react";
import { Alert, Descriptions, Form, Input, Modal, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { COMPLAINT_CAUSES, SATISFACTION_GRADES } from "../../../src/shared/enums.js";
import { isApiError } from "../../api/client.js";
import type { AdvanceComplaintInput, Complaint } from "../../api/complaints.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";
import { showServerError } from "../engine/serverErrors.js";

interface Values {
  cause?: Complaint["cause"];
  valid?: boolean;
  keyPoints?: string;
  explanation?: string;
  solution?: string;
  followUp?: string;
  satisfaction?: NonNullable<Complaint["satisfaction"]>;
  /** At follow-up: close it, or propose another solution. */
  resolution?: "close" | "again";
}

/** Fields without a ref (radio groups), for placing server errors next to them. */
const REFLESS = ["valid", "satisfaction", "resolution"];

/** The move a step's form asks for, with only the fields that move accepts. */
export function advanceBody(complaint: Complaint, values: Values): AdvanceComplaintInput {
  const version = complaint.version;
  const text = (value: string | undefined) => value?.trim() || undefined;
  switch (complaint.step) {
    case "listen":
      return { version, to: "record", cause: values.cause ?? undefined };
    case "record":
      return values.valid === false
        ? {
            version,
            to: "closed",
            valid: false,
            keyPoints: text(values.keyPoints),
            cause: values.cause ?? undefined,
            explanation: text(values.explanation),
          }
        : {
            version,
            to: "propose",
            valid: true,
            keyPoints: text(values.keyPoints),
            cause: values.cause ?? undefined,
          };
    case "propose":
      return { version, to: "follow_up", solution: text(values.solution) };
    case "follow_up":
      return values.resolution === "again"
        ? { version, to: "propose", followUp: text(values.followUp) }
        : {
            version,
            to: "closed",
            followUp: text(values.followUp),
            satisfaction: values.satisfaction,
          };
    default:
      return { version, to: complaint.step };
  }
}

/**
 * Moves a complaint to its next step with what the step it leaves produced: the key points and
 * the judgement, the solution, the follow-up and the customer's satisfaction (SPEC §9–§10).
 */
export function AdvanceComplaintDialog(props: {
  complaint: Complaint | null;
  customerName?: string;
  canAdvance: boolean;
  onClose: () => void;
  onSubmit: (id: number, input: AdvanceComplaintInput) => Promise<Complaint>;
  onAdvanced: (complaint: Complaint) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation("complaints");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { complaint } = props;
  const valid = Form.useWatch("valid", form);
  const resolution = Form.useWatch("resolution", form);

  // A new complaint starts clean; a newer version of the same one (after a stale write)
  // reloads the form but keeps the message that explains why.
  useEffect(() => setFailure(null), [complaint?.id]);
  useEffect(() => form.resetFields(), [form, complaint?.id, complaint?.version]);

  if (!complaint) return null;
  const step = complaint.step;
  const required = [{ required: true, whitespace: true, message: te("common.required") }];
  const causeOptions = COMPLAINT_CAUSES.map((value) => ({ value, label: te(`cause.${value}`) }));

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
      const saved = await props.onSubmit(complaint.id, advanceBody(complaint, values));
      props.onAdvanced(saved);
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setFailure(t("advance.stale"));
        props.onStale();
      } else {
        setFailure(
          showServerError(form, error, tt, {
            fields: REFLESS,
            aliases: { explanation: "explanation" },
          }),
        );
      }
    } finally {
      setSaving(false);
    }
  };

  const okText =
    step === "listen"
      ? t("advance.toRecord")
      : step === "record"
        ? valid === false
          ? t("advance.closeInvalid")
          : t("advance.toPropose")
        : step === "propose"
          ? t("advance.toFollowUp")
          : resolution === "again"
            ? t("advance.proposeAgain")
            : t("advance.close");

  return (
    <Modal
      open
      title={complaint.title}
      okText={okText}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !props.canAdvance || step === "closed" }}
      confirmLoading={saving}
      onCancel={props.onClose}
      width={720}
      data-testid="advance-complaint"
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: "customer",
            label: te("customer.label"),
            children: <CustomerLink id={complaint.customerId} name={props.customerName} />,
          },
          { key: "step", label: t("advance.currentStep"), children: te(`complaintStep.${step}`) },
          {
            key: "received",
            label: t("advance.received"),
            children: format.dateTime(complaint.receivedAt),
          },
          ...(complaint.description
            ? [
                {
                  key: "description",
                  label: t("field.description"),
                  children: complaint.description,
                },
              ]
            : []),
          ...(complaint.keyPoints
            ? [{ key: "keyPoints", label: t("field.keyPoints"), children: complaint.keyPoints }]
            : []),
          ...(complaint.solution
            ? [{ key: "solution", label: t("field.solution"), children: complaint.solution }]
            : []),
          ...(complaint.followUp
            ? [{ key: "followUp", label: t("field.followUp"), children: complaint.followUp }]
            : []),
          ...(complaint.satisfaction
            ? [
                {
                  key: "satisfaction",
                  label: t("field.satisfaction"),
                  children: te(`satisfaction.${complaint.satisfaction}`),
                },
              ]
            : []),
        ]}
      />
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      {!props.canAdvance ? (
        <Alert type="info" title={te("common.readOnly")} style={{ marginBottom: 16 }} />
      ) : null}
      {step === "closed" ? null : (
        <Form
          form={form}
          layout="vertical"
          disabled={saving || !props.canAdvance}
          initialValues={{
            cause: complaint.cause ?? undefined,
            keyPoints: complaint.keyPoints ?? undefined,
            valid: complaint.valid ?? true,
            resolution: "close",
          }}
        >
          <Typography.Paragraph type="secondary">
            {t(`advance.explain.${step}`)}
          </Typography.Paragraph>
          {step === "listen" ? (
            <Form.Item name="cause" label={t("field.cause")} extra={t("field.causeLater")}>
              <Select allowClear aria-label={t("field.cause")} options={causeOptions} />
            </Form.Item>
          ) : null}
          {step === "record" ? (
            <>
              <Form.Item name="keyPoints" label={t("field.keyPoints")} rules={required}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
              </Form.Item>
              <Form.Item
                name="valid"
                label={t("field.valid")}
                rules={[{ required: true, message: te("common.required") }]}
              >
                <Radio.Group
                  options={[
                    { value: true, label: t("field.validYes") },
                    { value: false, label: t("field.validNo") },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="cause"
                label={t("field.cause")}
                rules={valid === false ? [] : [{ required: true, message: te("common.required") }]}
              >
                <Select allowClear aria-label={t("field.cause")} options={causeOptions} />
              </Form.Item>
              {valid === false ? (
                <Form.Item name="explanation" label={t("field.explanation")} rules={required}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
                </Form.Item>
              ) : null}
            </>
          ) : null}
          {step === "propose" ? (
            <Form.Item name="solution" label={t("field.solution")} rules={required}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          ) : null}
          {step === "follow_up" ? (
            <>
              <Form.Item name="followUp" label={t("field.followUp")} rules={required}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
              </Form.Item>
              <Form.Item name="resolution" label={t("field.resolution")}>
                <Radio.Group
                  options={[
                    { value: "close", label: t("field.resolutionClose") },
                    { value: "again", label: t("field.resolutionAgain") },
                  ]}
                />
              </Form.Item>
              {resolution !== "again" ? (
                <Form.Item
                  name="satisfaction"
                  label={t("field.satisfaction")}
                  rules={[{ required: true, message: te("common.required") }]}
                  extra={t("field.satisfactionHint")}
                >
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={SATISFACTION_GRADES.map((value) => ({
                      value,
                      label: te(`satisfaction.${value}`),
                    }))}
                  />
                </Form.Item>
              ) : null}
            </>
          ) : null}
        </Form>
      )}
    </Modal>
  );
}
