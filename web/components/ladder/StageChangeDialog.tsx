import { useEffect } from "react";
import { Alert, Flex, Form, Input, Modal, Select, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import { allowedMoves, classifyMove } from "../../../src/shared/ladder/stages.js";
import { StageTag } from "../StageTag.js";

export interface StageChangeTarget {
  id: number;
  name: string;
  stage: Stage;
  /** The version read, sent so a move never races an unseen edit. */
  version?: number;
  /** Preselected stage (a drop on a column, a proposal); the user may still change it. */
  to?: Stage | null;
}

/**
 * Asks why before a customer moves (every change is recorded with time, who and why), offering
 * only the moves the ladder allows and showing the playbook of the stage it leads to.
 */
export function StageChangeDialog(props: {
  target: StageChangeTarget | null;
  submitting: boolean;
  /** The server's answer when the move failed, shown under the form. */
  error: string | null;
  onSubmit: (to: Stage, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ to: Stage; reason: string }>();
  const { target } = props;
  const to = Form.useWatch("to", form);

  useEffect(() => {
    if (target) form.setFieldsValue({ to: target.to ?? undefined, reason: "" });
  }, [target, form]);

  const options = target ? allowedMoves(target.stage) : [];
  const kind = target && to ? classifyMove(target.stage, to) : null;
  return (
    <Modal
      open={target !== null}
      title={target ? t("move.title", { name: target.name }) : ""}
      okText={t("move.confirm")}
      cancelText={tc("actions.cancelEdit")}
      confirmLoading={props.submitting}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
      okButtonProps={{ ...({ "data-testid": "stage-change-submit" } as object) }}
    >
      {target ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => props.onSubmit(values.to, values.reason.trim())}
          data-testid="stage-change-form"
        >
          <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
            <StageTag stage={target.stage} />
            <ArrowRightOutlined />
            {to ? <StageTag stage={to} /> : <Typography.Text type="secondary">?</Typography.Text>}
            {kind ? (
              <Typography.Text type="secondary">{t(`moveKind.${kind}`)}</Typography.Text>
            ) : null}
          </Flex>
          <Form.Item
            name="to"
            label={t("move.to")}
            rules={[{ required: true, message: t("move.toRequired") }]}
          >
            <Select
              aria-label={t("move.to")}
              options={options.map((stage) => ({ value: stage, label: tc(`stage.${stage}`) }))}
            />
          </Form.Item>
          {to ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("move.playbook", { stage: tc(`stage.${to}`) })}
              description={t(`playbook.${to}`)}
            />
          ) : null}
          <Form.Item
            name="reason"
            label={t("move.reason")}
            rules={[
              { required: true, whitespace: true, message: t("move.reasonRequired") },
              { max: 2000 },
            ]}
          >
            <Input.TextArea
              rows={3}
              autoFocus
              placeholder={t("move.reasonPlaceholder")}
              aria-label={t("move.reason")}
            />
          </Form.Item>
          {props.error ? <Alert type="error" showIcon role="alert" title={props.error} /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}
