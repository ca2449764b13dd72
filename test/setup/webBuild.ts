/**
 * Vitest globalSetup of the e2e project: builds the web app once with Vite's own `build()`, so
 * browser tests exercise the real production bundle that the server serves from `dist/web`.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "vite";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the built web app (index.html and assets/). */
    webDist: string;
  }
}

const root = resolve(import.meta.dirname, "../..");
const outDir = resolve(root, "dist/web");

export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  // Vitest sets NODE_ENV=test, and Vite would honour it with a development bundle of React and
  // antd (other code paths, console warnings). Build exactly what production serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: resolve(root, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      // Test runs do not need source maps; they double the time spent writing files.
      build: { sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  if (!existsSync(resolve(outDir, "index.html"))) {
    throw new Error(`The web build finished but ${outDir}/index.html is missing`);
  }
  project.provide("webDist", outDir);
  console.log(`web app built into ${outDir} in ${Date.now() - started} ms`);
}
