import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ConfigProvider } from "antd";
// antd's styles as one static stylesheet: generating them in the browser on every page load
// cost the dashboard and the customers list a few hundred milliseconds of main thread. The
// theme's own tokens (App.tsx) still apply, as CSS variables.
import "antd/dist/antd.css";
import "./i18n/index.js";
import { App } from "./App.js";
import { navKeyOf } from "./routes.js";
import { preloadDashboard } from "./scenes/DashboardEntry.js";

// Opening on the dashboard: fetch its code while the session is checked, not after.
if (navKeyOf(window.location.pathname) === "dashboard") preloadDashboard();

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
