import { useState } from "react";
import { Alert, Button, Col, Flex, Form, Input, Modal, Row, Select } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { SOURCE_CHANNELS } from "../../../src/shared/enums.js";
import type { Need } from "../../api/needs.js";
import {
  INFO_TYPE_EXAMPLES,
  RESEARCH_METHODS,
  type CreateResearchNoteInput,
  type ResearchNote,
} from "../../api/research.js";
import { CustomerSelect, type CustomerPicker } from "../engine/CustomerSelect.js";
import { OpenSelect } from "../engine/OpenSelect.js";
import { showServerError } from "../engine/serverErrors.js";

interface Values {
  customerId?: number;
  needId?: number;
  title: string;
  body: string;
  method?: CreateResearchNoteInput["method"];
  channel?: CreateResearchNoteInput["channel"];
  infoType?: string;
  whyChain: string[];
}

/**
 * Records a research finding about a customer, optionally tied to one of its needs, with the
 * means-end chain: the successive answers to "why?", from the surface want to the end behind it.
 */
export function ResearchNoteDialog(props: {
  open: boolean;
  picker: CustomerPicker;
  /** The chosen customer's needs, to tie the finding to one. */
  needs: Need[];
  onCustomer: (id: number | undefined) => void;
  onClose: () => void;
  onSubmit: (input: CreateResearchNoteInput) => Promise<ResearchNote>;
  onRecorded: (note: ResearchNote) => void;
}) {
  const { t } = useTranslation("needs");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

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
        title: values.title.trim(),
        body: values.body.trim(),
        ...(values.needId
          ? { needId: values.needId }
          : values.customerId
            ? { customerId: values.customerId }
            : {}),
        ...(values.method ? { method: values.method } : {}),
        ...(values.channel ? { channel: values.channel } : {}),
        ...(values.infoType?.trim() ? { infoType: values.infoType.trim() } : {}),
        whyChain: values.whyChain.map((s) => s.trim()).filter(Boolean),
      });
      form.resetFields();
      props.onRecorded(saved);
    } catch (error) {
      setFailure(showServerError(form, error, tt));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: te("common.required") }];
  return (
    <Modal
      open={props.open}
      title={t("research.recordTitle")}
      okText={t("research.record")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      width={760}
      destroyOnHidden
      data-testid="research-dialog"
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" disabled={saving} initialValues={{ whyChain: [""] }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="customerId" label={te("customer.label")}>
              <CustomerSelect
                choices={props.picker.choices}
                loading={props.picker.loading}
                onSearch={props.picker.onSearch}
                onChange={(id) => {
                  form.setFieldsValue({ customerId: id, needId: undefined });
                  props.onCustomer(id);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="needId" label={t("research.need")} extra={t("research.needHint")}>
              <Select
                allowClear
                aria-label={t("research.need")}
                options={props.needs.map((n) => ({ value: n.id, label: n.title }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t("research.title")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t("research.body")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        <Form.Item label={t("research.whyChain")} extra={t("research.whyChainHint")}>
          <Form.List name="whyChain">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Form.Item name={field.name} noStyle>
                      <Input
                        aria-label={t("research.why", { n: index + 1 })}
                        placeholder={t("research.why", { n: index + 1 })}
                        maxLength={1000}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t("research.removeWhy", { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add("")}>
                  {t("research.askWhy")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="method" label={t("research.methodLabel")}>
              <Select
                allowClear
                aria-label={t("research.methodLabel")}
                options={RESEARCH_METHODS.map((m) => ({
                  value: m,
                  label: t(`research.method.${m}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label={t("research.channelLabel")}>
              <Select
                allowClear
                aria-label={t("research.channelLabel")}
                options={SOURCE_CHANNELS.map((c) => ({
                  value: c,
                  label: t(`research.channel.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="infoType" label={t("research.infoTypeLabel")}>
              <OpenSelect
                allowClear
                ariaLabel={t("research.infoTypeLabel")}
                options={INFO_TYPE_EXAMPLES.map((i) => ({
                  value: i,
                  label: t(`research.infoType.${i}`),
                }))}
                newLabel={(type) => t("research.newInfoType", { type })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
