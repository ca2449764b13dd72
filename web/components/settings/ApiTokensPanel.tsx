import { useState } from "react";
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CreateApiTokenInput, CreatedApiToken } from "../../api/settings.js";
import { showServerError } from "../engine/serverErrors.js";

export interface IssuedToken extends CreatedApiToken {
  name: string;
  scopes: string[];
  revoked: boolean;
}

interface Values {
  name: string;
  scopes: ("read" | "write" | "admin")[];
  expiresInDays?: number;
}

/**
 * API tokens for integrations: created for the signed-in user and shown once (the server keeps
 * only a hash); the ones issued here can be revoked here.
 */
export function ApiTokensPanel(props: {
  issued: IssuedToken[];
  onCreate: (input: CreateApiTokenInput) => Promise<CreatedApiToken>;
  onRevoke: (token: IssuedToken) => Promise<void>;
}) {
  const { t } = useTranslation("settings");
  const { t: tt } = useTranslation();
  const { t: te } = useTranslation("engine");
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState<IssuedToken | null>(null);

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
      const created = await props.onCreate({
        name: values.name.trim(),
        scopes: values.scopes,
        ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
      });
      setShown({ ...created, name: values.name.trim(), scopes: values.scopes, revoked: false });
      form.resetFields();
    } catch (error) {
      setFailure(showServerError(form, error, tt, { fields: ["scopes"] }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("tokens.explain")}
      </Typography.Paragraph>
      {shown ? (
        <Alert
          type="success"
          showIcon
          title={t("tokens.created", { name: shown.name })}
          description={
            <Flex vertical gap={8}>
              <Typography.Text>{t("tokens.copyNow")}</Typography.Text>
              <Typography.Text code copyable data-testid="new-token">
                {shown.token}
              </Typography.Text>
            </Flex>
          }
          closable={{ onClose: () => setShown(null) }}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
      <Form form={form} layout="inline" disabled={saving} initialValues={{ scopes: ["read"] }}>
        <Form.Item
          name="name"
          label={t("tokens.name")}
          rules={[{ required: true, whitespace: true, message: te("common.required") }]}
        >
          <Input maxLength={200} placeholder={t("tokens.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t("tokens.scopes")}
          rules={[{ required: true, message: te("common.required") }]}
        >
          <Checkbox.Group
            options={(["read", "write", "admin"] as const).map((scope) => ({
              value: scope,
              label: t(`tokens.scope.${scope}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t("tokens.expires")}>
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            placeholder={t("tokens.never")}
            suffix={t("tokens.days")}
          />
        </Form.Item>
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          {t("tokens.create")}
        </Button>
      </Form>
      {props.issued.length ? (
        <Table<IssuedToken>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={props.issued}
          columns={[
            { key: "name", title: t("tokens.name"), render: (_, token) => token.name },
            {
              key: "scopes",
              title: t("tokens.scopes"),
              render: (_, token) =>
                token.scopes
                  .map((s) => t(`tokens.scope.${s as "read"}`))
                  .join(t("tokens.separator")),
            },
            {
              key: "revoke",
              title: "",
              width: 140,
              render: (_, token) =>
                token.revoked ? (
                  <Typography.Text type="secondary">{t("tokens.revoked")}</Typography.Text>
                ) : (
                  <Button size="small" danger onClick={() => void props.onRevoke(token)}>
                    {t("tokens.revoke")}
                  </Button>
                ),
            },
          ]}
        />
      ) : null}
      <Typography.Text type="secondary">{t("tokens.listGap")}</Typography.Text>
    </Flex>
  );
}
