import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
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
    <App />
  </StrictMode>,
);
