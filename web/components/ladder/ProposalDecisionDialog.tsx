import { useEffect } from "react";
import { Alert, Flex, Form, Input, Modal, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Proposal } from "../../api/proposals.js";
import { StageTag } from "../StageTag.js";
import { EvidenceList } from "./EvidenceList.js";

export interface ProposalDecision {
  proposal: Proposal;
  decision: "accept" | "reject";
}

/**
 * Confirms a decision on a proposal. Accepting moves the customer (a note is optional); rejecting
 * needs a note saying why the rule was wrong, so the rules can be improved.
 */
export function ProposalDecisionDialog(props: {
  pending: ProposalDecision | null;
  submitting: boolean;
  error: string | null;
  onSubmit: (note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const { pending } = props;
  const reject = pending?.decision === "reject";

  useEffect(() => {
    if (pending) form.setFieldsValue({ note: "" });
  }, [pending, form]);

  return (
    <Modal
      open={pending !== null}
      title={
        pending
          ? t(reject ? "decision.rejectTitle" : "decision.acceptTitle", {
              name: pending.proposal.customerName,
            })
          : ""
      }
      okText={t(reject ? "actions.reject" : "actions.accept")}
      okButtonProps={{
        danger: reject,
        ...({ "data-testid": "proposal-decision-submit" } as object),
      }}
      cancelText={tc("actions.cancelEdit")}
      confirmLoading={props.submitting}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {pending ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => props.onSubmit((values.note ?? "").trim())}
        >
          <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
            <StageTag stage={pending.proposal.from} />
            <ArrowRightOutlined />
            <StageTag stage={pending.proposal.to} />
          </Flex>
          <Typography.Paragraph type="secondary">
            {reject ? t("decision.rejectHint") : t("decision.acceptHint")}
          </Typography.Paragraph>
          <div style={{ marginBottom: 16 }}>
            <EvidenceList found={pending.proposal.evidence} />
          </div>
          <Form.Item
            name="note"
            label={t(reject ? "decision.rejectNote" : "decision.acceptNote")}
            rules={
              reject
                ? [{ required: true, whitespace: true, message: t("decision.noteRequired") }]
                : []
            }
          >
            <Input.TextArea rows={3} autoFocus aria-label={t("decision.note")} />
          </Form.Item>
          {props.error ? <Alert type="error" showIcon role="alert" title={props.error} /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}
