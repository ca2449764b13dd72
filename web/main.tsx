import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n/index.js";
import { App } from "./App.js";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
