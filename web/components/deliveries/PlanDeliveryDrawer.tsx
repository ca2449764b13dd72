import { useEffect, useRef, useState } from "react";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Spin,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { INTERACTION_CHANNELS } from "../../../src/shared/enums.js";
import type { Stage } from "../../../src/shared/enums.js";
import type { Delivery, DeliverySuggestions, PlanDeliveryInput } from "../../api/deliveries.js";
import type { Need } from "../../api/needs.js";
import type { ValueItem } from "../../api/values.js";
import { CustomerSelect, type CustomerPicker } from "../engine/CustomerSelect.js";
import { showServerError } from "../engine/serverErrors.js";
import { StageTag } from "../StageTag.js";
import { SuggestionList } from "./SuggestionList.js";

interface Values {
  customerId?: number;
  valueItemId?: number;
  needId?: number;
  content?: string;
  plannedFor?: Dayjs;
  medium?: PlanDeliveryInput["medium"];
}

function Step(props: { n: number; title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={`${props.n}. ${props.title}`} style={{ marginBottom: 12 }}>
      {props.children}
    </Card>
  );
}

/**
 * Plans a delivery in the five steps of SPEC §5: the customer's stage (assessed from the
 * record), the content (suggested from the playbook and open needs, or chosen), the timing and
 * the medium; the fifth, the effect, is recorded after delivery.
 */
export function PlanDeliveryDrawer(props: {
  open: boolean;
  onClose: () => void;
  picker: CustomerPicker;
  customerId: number | undefined;
  onCustomer: (id: number | undefined) => void;
  stage: Stage | undefined;
  suggestions: DeliverySuggestions | undefined;
  suggestionsLoading: boolean;
  catalogue: ValueItem[];
  needs: Need[];
  onSubmit: (input: PlanDeliveryInput) => Promise<Delivery>;
  onPlanned: (delivery: Delivery) => void;
}) {
  const { t } = useTranslation("deliveries");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const valueItemId = Form.useWatch("valueItemId", form);

  // Each opening starts afresh, on the customer the scene is looking at (if any).
  const startOn = useRef(props.customerId);
  startOn.current = props.customerId;
  useEffect(() => {
    if (props.open) {
      setFailure(null);
      form.resetFields();
      form.setFieldValue("customerId", startOn.current);
    }
  }, [form, props.open]);

  const submit = async () => {
    setFailure(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.valueItemId && !values.content?.trim()) {
      form.setFields([{ name: "content", errors: [t("plan.contentRequired")] }]);
      return;
    }
    setSaving(true);
    try {
      const planned = await props.onSubmit({
        customerId: values.customerId!,
        ...(values.valueItemId ? { valueItemId: values.valueItemId } : {}),
        ...(values.content?.trim() ? { content: values.content.trim() } : {}),
        ...(values.needId ? { needId: values.needId } : {}),
        ...(values.plannedFor ? { plannedFor: values.plannedFor.toISOString() } : {}),
        ...(values.medium ? { medium: values.medium } : {}),
      });
      props.onPlanned(planned);
    } catch (error) {
      setFailure(showServerError(form, error, tt));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size="large"
      title={t("plan.title")}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          {t("plan.submit")}
        </Button>
      }
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" disabled={saving} data-testid="plan-delivery">
        <Step n={1} title={t("plan.step1")}>
          <Form.Item
            name="customerId"
            label={te("customer.label")}
            rules={[{ required: true, message: t("plan.customerRequired") }]}
          >
            <CustomerSelect
              choices={props.picker.choices}
              loading={props.picker.loading}
              onSearch={props.picker.onSearch}
              selectedName={props.customerId ? props.picker.nameOf(props.customerId) : undefined}
              onChange={(id) => {
                form.setFieldsValue({ customerId: id, valueItemId: undefined, needId: undefined });
                props.onCustomer(id);
              }}
            />
          </Form.Item>
          {props.stage ? (
            <Flex vertical gap={4}>
              <span>
                {t("plan.stageNow")} <StageTag stage={props.stage} />
              </span>
              <Typography.Text type="secondary">{t(`playbook.${props.stage}`)}</Typography.Text>
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t("plan.pickCustomer")}</Typography.Text>
          )}
        </Step>
        <Step n={2} title={t("plan.step2")}>
          {props.customerId ? (
            <Spin spinning={props.suggestionsLoading}>
              <Typography.Paragraph type="secondary">
                {t("plan.suggestionsExplain")}
              </Typography.Paragraph>
              <SuggestionList
                suggestions={props.suggestions?.items ?? []}
                stage={props.suggestions?.stage ?? props.stage ?? "potential"}
                needTitle={(id) => props.needs.find((n) => n.id === id)?.title}
                value={valueItemId}
                onChange={(s) =>
                  form.setFieldsValue({
                    valueItemId: s.valueItem.id,
                    needId: s.needId ?? undefined,
                  })
                }
              />
            </Spin>
          ) : null}
          <Form.Item name="valueItemId" label={t("plan.orCatalogue")} style={{ marginTop: 12 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              aria-label={t("plan.orCatalogue")}
              options={props.catalogue.map((item) => ({ value: item.id, label: item.title }))}
            />
          </Form.Item>
          <Form.Item name="needId" label={t("plan.need")} extra={t("plan.needHint")}>
            <Select
              allowClear
              aria-label={t("plan.need")}
              options={props.needs.map((need) => ({
                value: need.id,
                label: `${need.title} · ${te(`needLevel.${need.level}`)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="content" label={t("plan.content")} extra={t("plan.contentHint")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
        </Step>
        <Step n={3} title={t("plan.step3")}>
          <Form.Item name="plannedFor" label={t("plan.plannedFor")}>
            <DatePicker
              showTime
              style={{ width: "100%" }}
              disabledDate={(d) => d.isBefore(dayjs(), "day")}
            />
          </Form.Item>
        </Step>
        <Step n={4} title={t("plan.step4")}>
          <Form.Item name="medium" label={t("plan.medium")}>
            <Select
              allowClear
              aria-label={t("plan.medium")}
              options={INTERACTION_CHANNELS.map((c) => ({ value: c, label: te(`channel.${c}`) }))}
            />
          </Form.Item>
        </Step>
        <Step n={5} title={t("plan.step5")}>
          <Typography.Text type="secondary">{t("plan.step5Explain")}</Typography.Text>
        </Step>
      </Form>
    </Drawer>
  );
}
