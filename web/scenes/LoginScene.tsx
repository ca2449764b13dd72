import { Card, Flex, Layout, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { login } from "../api/auth.js";
import { sessionKey } from "../api/queryClient.js";
import { errorMessage } from "../components/errors.js";
import { FullPageSpin } from "../components/FullPageSpin.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { LoginForm, type Credentials } from "../components/LoginForm.js";
import { useSessionQuery } from "../session/useSession.js";

/** Only same-app paths: a crafted `?next=https://elsewhere` must not send the user away. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginScene() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const session = useSessionQuery();
  const signIn = useMutation({
    mutationFn: ({ email, password }: Credentials) => login(email.trim(), password),
    onSuccess: async (result) => {
      queryClient.setQueryData(sessionKey, result);
      await navigate(next, { replace: true });
    },
  });

  if (session.data) return <Navigate to={next} replace />;
  if (session.isPending) return <FullPageSpin />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Flex justify="end" style={{ padding: "12px 24px" }}>
        <LanguageSwitch />
      </Flex>
      <Flex align="center" justify="center" style={{ flex: 1, padding: 24 }}>
        <main style={{ width: "100%", maxWidth: 400 }}>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
          </Flex>
          <Card title={t("login.title")}>
            <LoginForm
              onSubmit={(credentials) => signIn.mutate(credentials)}
              submitting={signIn.isPending}
              error={signIn.isError ? errorMessage(t, signIn.error) : null}
            />
          </Card>
        </main>
      </Flex>
    </Layout>
  );
}
