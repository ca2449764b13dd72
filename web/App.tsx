import { lazy, useState, type ReactNode } from "react";
import { App as AntApp, ConfigProvider, Result } from "antd";
import { QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";
import { createQueryClient } from "./api/queryClient.js";
import { antdLocale } from "./i18n/antdLocale.js";
import { isLanguage } from "./i18n/index.js";
import { ENGINE_SCENES, mayOpen, NAV_ROUTES, type NavKey } from "./routes.js";
import { AppLayoutScene } from "./scenes/AppLayoutScene.js";
import { LoginScene } from "./scenes/LoginScene.js";
import { RequireSession } from "./scenes/RequireSession.js";
import { useSessionUser } from "./session/useSession.js";

// Each scene is its own chunk, fetched the first time it is opened.
const CustomersScene = lazy(() =>
  import("./scenes/CustomersScene.js").then((m) => ({ default: m.CustomersScene })),
);
const CustomerScene = lazy(() =>
  import("./scenes/CustomerScene.js").then((m) => ({ default: m.CustomerScene })),
);

function sceneFor(key: NavKey): ReactNode {
  if (key === "customers") return <CustomersScene />;
  const EngineScene = ENGINE_SCENES[key];
  return <EngineScene />;
}

/** Shows the scene only to the roles its menu entry names. */
function RoleGate({ routeKey, children }: { routeKey: NavKey; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const route = NAV_ROUTES.find((r) => r.key === routeKey);
  if (route && !mayOpen(route, user?.role)) {
    return <Result status="403" title="403" subTitle={t("errors.adminOnly")} />;
  }
  return children;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t("errors.pageNotFound")} />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginScene />} />
      <Route
        element={
          <RequireSession>
            <AppLayoutScene />
          </RequireSession>
        }
      >
        {NAV_ROUTES.map((route) => (
          <Route
            key={route.key}
            path={route.path}
            element={<RoleGate routeKey={route.key}>{sceneFor(route.key)}</RoleGate>}
          />
        ))}
        <Route path="/customers/:id" element={<CustomerScene />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** antd's own texts and date pickers follow the interface language. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "en";
  return (
    <ConfigProvider
      locale={antdLocale(language)}
      theme={{ token: { colorPrimary: "#1d5bd6", borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedAntd>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </LocalizedAntd>
    </QueryClientProvider>
  );
}
