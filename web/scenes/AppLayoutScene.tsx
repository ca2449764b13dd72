import { Suspense, useState } from "react";
import { Layout, Typography, theme } from "antd";
import { Outlet, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { HeaderBar } from "../components/HeaderBar.js";
import { FullPageSpin } from "../components/FullPageSpin.js";
import { SideMenu } from "../components/SideMenu.js";
import { mayOpen, NAV_ROUTES, navKeyOf } from "../routes.js";
import { useSessionUser } from "../session/useSession.js";

/** The signed-in frame: side menu, header, and the current scene. */
export function AppLayoutScene() {
  const user = useSessionUser();
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  if (!user) return null;
  const entries = NAV_ROUTES.filter((route) => mayOpen(route, user.role)).map((route) => ({
    key: route.key,
    path: route.path,
    icon: route.icon,
    label: t(`nav.${route.key}`),
  }));

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
      >
        <div style={{ height: 56, display: "flex", alignItems: "center", paddingInline: 20 }}>
          <Typography.Text strong style={{ color: "#fff", fontSize: 16, whiteSpace: "nowrap" }}>
            {collapsed ? "L" : t("app.name")}
          </Typography.Text>
        </div>
        <nav aria-label={t("app.name")}>
          <SideMenu entries={entries} selectedKey={navKeyOf(location.pathname)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <HeaderBar user={user} />
        <Layout.Content style={{ padding: 24, background: token.colorBgLayout }}>
          <main>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
