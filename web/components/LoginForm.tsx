import { Alert, Button, Form, Input } from "antd";
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";

export interface Credentials {
  email: string;
  password: string;
}

/** Email and password; the scene decides what signing in means. */
export function LoginForm(props: {
  onSubmit: (credentials: Credentials) => void;
  submitting: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Form<Credentials>
      layout="vertical"
      requiredMark={false}
      onFinish={props.onSubmit}
      disabled={props.submitting}
      aria-label={t("login.title")}
    >
      {props.error ? (
        <Alert
          type="error"
          showIcon
          title={props.error}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form.Item
        name="email"
        label={t("login.email")}
        rules={[{ required: true, whitespace: true, message: t("login.emailRequired") }]}
      >
        <Input
          prefix={<MailOutlined />}
          type="email"
          autoComplete="username"
          autoFocus
          size="large"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("login.password")}
        rules={[{ required: true, message: t("login.passwordRequired") }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={props.submitting}>
        {t("login.submit")}
      </Button>
    </Form>
  );
}
