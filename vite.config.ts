import { existsSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type ProxyOptions } from "vite";

const here = import.meta.dirname;
const webRoot = resolve(here, "web");

/**
 * The dev server serves the app's own modules by path, and the API client lives in `web/api/`,
 * so `/api/client.ts` is a module while `/api/customers` is the server. Anything under /api that
 * is a file of the app is served by Vite; the rest goes to the server.
 */
const apiProxy: ProxyOptions = {
  target: "http://localhost:3000",
  changeOrigin: false,
  bypass: (request: IncomingMessage) => {
    const path = decodeURIComponent((request.url ?? "").split("?")[0] ?? "");
    return path.includes("..") || !existsSync(join(webRoot, path)) ? undefined : request.url;
  },
};

/**
 * The web app lives in `web/` and builds to `dist/web`, which the server serves at `/` with a
 * fallback to index.html. In development `vite` serves the app and forwards `/api` to the server
 * on port 3000, so cookies and the CSRF header behave as in production (same origin).
 */
export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  build: {
    outDir: resolve(here, "dist/web"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // Scenes are split per route (React.lazy). React and ECharts get long-cached chunks of their
    // own; antd is left to the default splitting so that heavy components (Table, DatePicker)
    // travel with the scenes that use them rather than in the first load.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": apiProxy },
  },
  preview: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
