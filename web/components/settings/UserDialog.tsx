import { useEffect, useState } from "react";
import { Alert, AutoComplete, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../src/shared/enums.js";
import { isApiError } from "../../api/client.js";
import type { CreateUserInput, UpdateUserInput } from "../../api/settings.js";
import type { User } from "../../api/types.js";
import { LANGUAGES } from "../../i18n/languages.js";
import { showServerError } from "../engine/serverErrors.js";

interface Values {
  email?: string;
  name: string;
  password?: string;
  role: User["role"];
  team?: string;
  locale?: "zh-CN" | "en";
}

/** Creates a user, or changes one's name, role, team, language or password. */
export function UserDialog(props: {
  /** The user to change; `"new"` to create one; null when closed. */
  user: User | "new" | null;
  teams: string[];
  onClose: () => void;
  onCreate: (input: CreateUserInput) => Promise<User>;
  onUpdate: (id: number, input: UpdateUserInput) => Promise<User>;
  onStale: () => void;
}) {
  const { t } = useTranslation("settings");
  const { t: tt } = useTranslation();
  const { t: te } = useTranslation("engine");
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const creating = props.user === "new";
  const existing = props.user !== "new" ? props.user : null;

  const userKey = props.user === "new" ? "new" : (props.user?.id ?? null);
  const version = props.user !== "new" ? props.user?.version : undefined;
  // Another user starts clean; a newer version of the same one (after a stale write) reloads
  // the form but keeps the message that explains why.
  useEffect(() => setFailure(null), [userKey]);
  useEffect(() => form.resetFields(), [form, userKey, version]);

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
      if (creating) {
        await props.onCreate({
          email: values.email!.trim(),
          name: values.name.trim(),
          password: values.password!,
          role: values.role,
          ...(values.team?.trim() ? { team: values.team.trim() } : {}),
          ...(values.locale ? { locale: values.locale } : {}),
        });
      } else if (existing) {
        const team = values.team?.trim() || null;
        await props.onUpdate(existing.id, {
          version: existing.version,
          ...(values.name.trim() !== existing.name ? { name: values.name.trim() } : {}),
          ...(values.role !== existing.role ? { role: values.role } : {}),
          ...(team !== (existing.teamName ?? null) ? { team } : {}),
          ...(values.locale && values.locale !== existing.locale ? { locale: values.locale } : {}),
          ...(values.password ? { password: values.password } : {}),
        });
      }
      props.onClose();
    } catch (error) {
      if (isApiError(error, "stale_write")) {
        setFailure(t("users.stale"));
        props.onStale();
      } else setFailure(showServerError(form, error, tt));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: te("common.required") };
  return (
    <Modal
      open={props.user !== null}
      title={creating ? t("users.createTitle") : t("users.editTitle", { name: existing?.name })}
      okText={creating ? t("users.create") : t("users.save")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={
          existing
            ? {
                name: existing.name,
                role: existing.role,
                team: existing.teamName ?? undefined,
                locale: existing.locale as Values["locale"],
              }
            : { role: "account_manager", locale: "zh-CN" }
        }
      >
        {creating ? (
          <Form.Item
            name="email"
            label={t("users.email")}
            rules={[required, { type: "email", message: t("users.emailInvalid") }]}
          >
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t("users.name")} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={t("users.role")} rules={[required]}>
          <Select
            aria-label={t("users.role")}
            options={ROLES.map((role) => ({ value: role, label: tt(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="team" label={t("users.team")} extra={t("users.teamHint")}>
          <AutoComplete
            aria-label={t("users.team")}
            allowClear
            options={props.teams.map((team) => ({ value: team }))}
            filterOption={(input, option) =>
              String(option?.value ?? "")
                .toLowerCase()
                .includes(input.toLowerCase())
            }
          />
        </Form.Item>
        <Form.Item name="locale" label={t("users.locale")}>
          <Select
            aria-label={t("users.locale")}
            options={LANGUAGES.map((language) => ({
              value: language,
              label: tt(`language.${language}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={creating ? t("users.password") : t("users.newPassword")}
          extra={t("users.passwordHint")}
          rules={[...(creating ? [required] : []), { min: 10, message: t("users.passwordHint") }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
