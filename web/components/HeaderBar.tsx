import { Avatar, Flex, Layout, Space, Tag, Typography, theme } from "antd";
import { UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { User } from "../api/types.js";
import { logoutAction } from "../actions/sessionActions.js";
import { ActionButton } from "./ActionButton.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

export function HeaderBar({ user }: { user: User }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        paddingInline: 24,
        height: 56,
        lineHeight: "56px",
      }}
    >
      <Flex align="center" justify="space-between" style={{ height: "100%" }}>
        <Typography.Text type="secondary" ellipsis>
          {t("app.tagline")}
        </Typography.Text>
        <Space size="middle">
          <LanguageSwitch />
          <Space size="small" data-testid="current-user">
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text strong>{user.name}</Typography.Text>
            <Tag>{t(`roles.${user.role}`)}</Tag>
          </Space>
          <ActionButton action={logoutAction} type="text" />
        </Space>
      </Flex>
    </Layout.Header>
  );
}
