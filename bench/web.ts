/**
 * How fast the web app becomes usable on a big base: loads the demo base (100,000 customers by
 * default) with scores and proposals, serves the real production bundle, and drives headless
 * Chromium. For the dashboard and the customers list it prints, over several navigations, the
 * time from the start of navigation until the page is interactive:
 *   - dashboard: every panel has drawn its data (no skeleton left) and the main thread is free;
 *   - customers list: the first page of rows is on screen and the main thread is free;
 * both as a full page load (the browser's cache warm, the app's data not) and as a navigation
 * inside the app (a menu click). Target: under 2 s.
 *
 *   npx tsx bench/web.ts [customers] [runs]
 *
 * On PostgreSQL: DATABASE_URL, or a throwaway cluster on loopback as the test suite starts.
 * With LADDER_BENCH_DB=pglite, on the embedded database in a scratch folder instead.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import type { Page } from "playwright-core";
import { openDatabase, type Database } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { createContext } from "../src/server/createContext.js";
import { buildApp } from "../src/server/http/app.js";
import { seedDemo } from "../src/demo/seedDemo.js";
import { refreshScores } from "../src/server/analytics/refreshScores.js";
import { runProposalEngine } from "../src/server/proposals/runProposalEngine.js";
import { startPostgresCluster } from "../test/support/postgresCluster.js";
import { launchBrowser, openPage } from "../test/e2e/support/browser.js";

const CUSTOMERS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 5);
const TARGET_MS = 2000;
const PANELS = 9;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** The machine's load averages (1, 5, 15 min): other work on it slows every number here. */
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${seconds(performance.now() - start)}`);
  return result;
}

/** A database with the schema: a scratch database on a PostgreSQL server, or PGlite. */
async function openBenchDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (process.env.LADDER_BENCH_DB === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "ladder-bench-web-"));
    const database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    return {
      database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const cluster = process.env.DATABASE_URL
    ? null
    : await startPostgresCluster({ settings: ["shared_buffers=256MB"] });
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  const name = `ladder_bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  await admin.pool.query(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), max: 10 });
  await migrateDatabase(database);
  return {
    database,
    dispose: async () => {
      await database.close();
      const drop = await openDatabase({ url: serverUrl, max: 1 });
      await drop.pool.query(`drop database if exists ${name} with (force)`);
      await drop.close();
      cluster?.stop();
    },
  };
}

/**
 * Waits until `ready` holds in the page and then until the main thread has been free for one
 * frame and one task, and returns the page's clock then: milliseconds since navigation start.
 */
async function interactiveAt(page: Page, ready: Ready): Promise<number> {
  await page.waitForFunction(ready, PANELS, { polling: "raf", timeout: 60_000 });
  return page.evaluate(
    () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)),
      ),
  );
}

type Ready = (panels: number) => boolean;
/** Some panel has drawn its data: the page is in use while the slower ones load. */
const DASHBOARD_FIRST: Ready = () =>
  document.querySelector('[data-chart][data-state="ready"] canvas') !== null;
/** Every panel has drawn its data (or said why it has none): no skeleton left. */
const DASHBOARD_READY: Ready = (panels) => {
  const cards = [...document.querySelectorAll("[data-chart]")];
  return (
    cards.length === panels &&
    cards.every(
      (card) =>
        card.getAttribute("data-state") !== "loading" &&
        (card.getAttribute("data-state") !== "ready" ||
          card.getAttribute("data-chart") === "rfm" ||
          card.querySelector("canvas") !== null),
    )
  );
};
const LIST_READY: Ready = () => document.querySelectorAll(".ant-table-row").length > 0;

/** Milliseconds from a click on a menu entry to the scene being interactive. */
async function inAppNavigation(page: Page, path: string, ready: Ready): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await page.locator(`nav a[href="${path}"]`).click();
  return (await interactiveAt(page, ready)) - start;
}

function summary(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const worst = sorted.at(-1)!;
  const verdict = worst < TARGET_MS ? "within" : median < TARGET_MS ? "median within" : "OVER";
  console.log(
    `${label.padEnd(40)} median ${seconds(median)}  max ${seconds(worst)}  ` +
      `[${sorted.map((t) => (t / 1000).toFixed(2)).join(", ")}]  ${verdict} the ${seconds(TARGET_MS)} target`,
  );
}

async function main() {
  await timed("web app built", async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({
        configFile: resolve(import.meta.dirname, "../vite.config.ts"),
        mode: "production",
        logLevel: "error",
        build: { sourcemap: false },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
  const { database, dispose } = await openBenchDatabase();
  try {
    const seeded = await timed(`${CUSTOMERS} demo customers loaded (${database.kind})`, () =>
      seedDemo({ database, customers: CUSTOMERS, seed: 42 }),
    );
    await timed("analytics refreshed", () => refreshScores({ database }));
    await timed("proposal engine run", () => runProposalEngine({ db: database.db }));

    const context = await createContext(database);
    const app = await buildApp({ context });
    const baseURL = await app.listen({ port: 0, host: "127.0.0.1" });
    const browser = await launchBrowser();
    try {
      const tracked = await openPage(browser, { baseURL, locale: "zh-CN" });
      const { page } = tracked;
      await page.goto("/login");
      await page.locator("input[autocomplete=username]").fill(seeded.adminEmail);
      await page.locator("input[autocomplete=current-password]").fill(seeded.adminPassword);
      await page.locator("form button[type=submit]").click();
      await page.waitForURL((url) => url.pathname !== "/login");
      // One visit of each scene first: the browser caches the bundle, the server warms up.
      await page.goto("/");
      await interactiveAt(page, DASHBOARD_READY);
      await page.goto("/customers");
      await interactiveAt(page, LIST_READY);

      const loadBefore = load();
      const results: Record<string, number[]> = {
        "dashboard, first panel drawn": [],
        "dashboard, every panel drawn": [],
        "customers list, page load": [],
        "dashboard, every panel, from the menu": [],
        "customers list, from the menu": [],
      };
      for (let run = 0; run < RUNS; run++) {
        await page.goto("/");
        results["dashboard, first panel drawn"]!.push(await interactiveAt(page, DASHBOARD_FIRST));
        results["dashboard, every panel drawn"]!.push(await interactiveAt(page, DASHBOARD_READY));
        await page.goto("/customers");
        results["customers list, page load"]!.push(await interactiveAt(page, LIST_READY));
        // Inside the app the query cache would answer at once: start both without it.
        await page.goto("/ladder?tab=proposals");
        await page.getByTestId("proposals-inbox").waitFor();
        results["dashboard, every panel, from the menu"]!.push(
          await inAppNavigation(page, "/", DASHBOARD_READY),
        );
        await page.goto("/ladder?tab=proposals");
        await page.getByTestId("proposals-inbox").waitFor();
        results["customers list, from the menu"]!.push(
          await inAppNavigation(page, "/customers", LIST_READY),
        );
      }
      console.log(`\nTime to interactive after navigation, ${CUSTOMERS} customers, ${RUNS} runs`);
      console.log(`(load average before ${loadBefore}; after ${load()}):`);
      for (const [label, times] of Object.entries(results)) summary(label, times);
      console.log("\nServer time of each answer the two pages wait for (alone, median of 3):");
      const to = new Date();
      const from = new Date(to.getTime() - 90 * 86_400_000);
      for (const path of [
        "/api/analytics/overview",
        "/api/analytics/pareto",
        "/api/analytics/clv-scatter?limit=1500",
        "/api/analytics/retention?period=quarter",
        "/api/ladder/board?limit=1",
        `/api/ladder/flows?from=${from.toISOString()}&to=${to.toISOString()}`,
        "/api/ladder/problem-share",
        "/api/customers?limit=50",
      ]) {
        const times = await page.evaluate(async (url) => {
          const out: number[] = [];
          for (let i = 0; i < 3; i++) {
            const start = performance.now();
            await (await fetch(url)).arrayBuffer();
            out.push(performance.now() - start);
          }
          return out.sort((a, b) => a - b);
        }, path);
        console.log(`  ${path.split("?")[0]!.padEnd(32)} ${times[1]!.toFixed(0).padStart(6)} ms`);
      }
      if (tracked.errors.length) console.log("\npage errors:", tracked.errors);
      await tracked.close();
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await dispose();
  }
}

await main();
