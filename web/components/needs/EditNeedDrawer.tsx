import { useEffect, useState } from "react";
import { Alert, Button, Drawer, Flex, Form, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.js";
import type { Need, UpdateNeedInput } from "../../api/needs.js";
import { useFormat } from "../../i18n/useFormat.js";
import { showServerError } from "../engine/serverErrors.js";
import {
  NEED_REFLESS_FIELDS,
  NeedForm,
  needInputOf,
  type NeedFormFields,
  type NeedFormValues,
} from "./NeedForm.js";

/** Only the fields that changed, with the version the edit started from. */
function needPatch(need: Need, values: NeedFormValues): UpdateNeedInput | null {
  const next = needInputOf(values) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if ((need as Record<string, unknown>)[key] !== value) patch[key] = value;
  }
  return Object.keys(patch).length
    ? ({ ...patch, version: need.version } as UpdateNeedInput)
    : null;
}

/** Reads and changes one need: its level, status and characteristics. */
export function EditNeedDrawer(props: {
  need: Need | null;
  customerName?: string;
  canEdit: boolean;
  onClose: () => void;
  onSubmit: (id: number, input: UpdateNeedInput) => Promise<Need>;
  /** Someone else saved first: load the latest version. */
  onStale: () => void;
}) {
  const { t } = useTranslation("needs");
  const { t: tt } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<NeedFormFields>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const { need } = props;

  useEffect(() => {
    form.resetFields();
  }, [form, need?.id, need?.version]);

  const save = async () => {
    if (!need) return;
    setFailure(null);
    let values: NeedFormFields;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const patch = needPatch(need, values);
    if (!patch) {
      props.onClose();
      return;
    }
    setSaving(true);
    try {
      await props.onSubmit(need.id, patch);
      setStale(false);
      props.onClose();
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setStale(true);
        props.onStale();
      } else {
        setFailure(showServerError(form, error, tt, { fields: [...NEED_REFLESS_FIELDS] }));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={need !== null}
      onClose={props.onClose}
      size="large"
      title={need?.title}
      destroyOnHidden
      extra={
        props.canEdit ? (
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t("edit.save")}
          </Button>
        ) : null
      }
    >
      {need ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {[
              props.customerName,
              t("edit.recordedOn", { date: format.date(need.createdAt) }),
              need.metAt ? t("edit.metOn", { date: format.date(need.metAt) }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
          {stale ? <Alert type="warning" showIcon role="alert" title={t("edit.stale")} /> : null}
          {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
          {!props.canEdit ? <Alert type="info" title={t("edit.readOnly")} /> : null}
          <NeedForm
            key={need.version}
            form={form}
            initialValues={need}
            disabled={saving || !props.canEdit}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
