/**
 * The dashboard against the real server: empty panels that say what to do, then every chart
 * drawn from a demo base, a chart clicked through to the customers behind it, and an analytics
 * refresh followed to its end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";
import { loadDemoBase, type DemoBase } from "./support/demoBase.js";

const SETTLE = { timeout: 20_000 };
const CHARTS = [
  "funnel",
  "flows",
  "problem-share",
  "velocity",
  "retention",
  "pareto",
  "rfm",
  "clv",
  "lifecycle",
] as const;
/** Panels drawn on a canvas (the RFM panel is an HTML grid). */
const CANVAS_CHARTS = CHARTS.filter((c) => c !== "rfm");

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Painted pixels of a chart's canvas (sampled): zero for a chart that drew nothing. */
function paintedPixels(page: Page, chart: string): Promise<number> {
  return page
    .locator(`[data-chart="${chart}"] canvas`)
    .first()
    .evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4 * 7) if (data[i]! > 0) painted++;
      return painted;
    });
}

async function chartsReady(page: Page) {
  for (const chart of CHARTS) {
    await expect
      .poll(() => page.locator(`[data-chart="${chart}"]`).getAttribute("data-state"), SETTLE)
      .toBe("ready");
  }
}

describe("the dashboard", () => {
  it("explains empty panels before there is data", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/");
      await signIn(page, server.credentials("admin"));
      const pareto = page.locator('[data-chart="pareto"]');
      await expect.poll(() => pareto.getAttribute("data-state"), SETTLE).toBe("empty");
      expect(await pareto.innerText()).toContain("还没有分析结果");
      // The empty panel offers the refresh itself.
      expect(await pareto.locator('[data-action="analytics.refresh"]').count()).toBe(1);
      const funnel = page.locator('[data-chart="funnel"]');
      await expect.poll(() => funnel.getAttribute("data-state"), SETTLE).toBe("empty");
      expect(await funnel.innerText()).toContain("还没有客户");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  describe("on a demo base", () => {
    let demo: DemoBase;
    beforeAll(async () => {
      demo = await loadDemoBase(server);
    }, 300_000);

    it("draws every chart with data", async () => {
      const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
      const { page } = tracked;
      try {
        await page.goto("/");
        await signIn(page, demo.admin);
        await chartsReady(page);
        for (const chart of CANVAS_CHARTS) {
          await expect.poll(() => paintedPixels(page, chart), SETTLE).toBeGreaterThan(200);
        }
        expect(await page.locator("[data-rfm-segment]").count()).toBeGreaterThan(3);
        const kpis = await page.locator("[data-kpi]").allInnerTexts();
        expect(kpis.join(" ")).toMatch(/¥/);
        expect(await page.locator('[data-kpi="active"]').innerText()).toMatch(/\d/);
        expect(await page.getByTestId("analytics-refresh").innerText()).toContain("评分截至");
        await tracked.screenshot("dashboard-zh");
        expectClean(tracked);
      } finally {
        await tracked.close();
      }
    });

    it("leads from a chart to the customers behind it", async () => {
      const admin = await server.testApp.login(demo.admin.email, demo.admin.password);
      const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
      const { page } = tracked;
      try {
        await page.goto("/");
        await signIn(page, demo.admin);
        await chartsReady(page);

        // The funnel's top layer is the potential customers (clicked once it has been drawn).
        await expect.poll(() => paintedPixels(page, "funnel"), SETTLE).toBeGreaterThan(200);
        await page.waitForTimeout(1000); // the entry animation
        const funnel = await page.locator('[data-chart="funnel"] div[role=img]').boundingBox();
        await page.mouse.click(funnel!.x + funnel!.width / 2, funnel!.y + 30);
        await page.waitForURL((url) => url.pathname === "/customers");
        expect(new URL(page.url()).searchParams.getAll("stage")).toEqual(["potential"]);
        const footer = page.getByTestId("customers-footer");
        await expect.poll(() => footer.innerText(), SETTLE).toMatch(/已显示 \d+ 位客户/);
        const stageTags = page.locator(".ant-table-row [data-stage]");
        await expect.poll(() => stageTags.count(), SETTLE).toBeGreaterThan(0);
        const stages = await stageTags.evaluateAll((tags) =>
          tags.map((tag) => tag.getAttribute("data-stage")),
        );
        expect(new Set(stages)).toEqual(new Set(["potential"]));

        // An RFM segment tile leads to exactly that segment's customers.
        await page.goBack();
        await chartsReady(page);
        const tile = page.locator("[data-rfm-segment]").first();
        const segment = (await tile.getAttribute("data-rfm-segment"))!;
        await tile.click();
        await page.waitForURL((url) => url.searchParams.get("rfmSegment") === segment);
        const overview = (await admin.request("GET", "/api/analytics/overview")).json() as {
          rfmSegments: { segment: string; customers: number }[];
        };
        const expected = overview.rfmSegments.find((s) => s.segment === segment)!.customers;
        await page.getByTestId("score-filters").waitFor();
        // The list pages 50 at a time: the first page is full, or holds the whole segment.
        await expect
          .poll(() => footer.innerText(), SETTLE)
          .toContain(`已显示 ${Math.min(50, expected)} 位客户`);

        // A CLV type in the quadrant table leads to that type.
        await page.goBack();
        await chartsReady(page);
        await page.locator('[data-quadrant="mvc"]').click();
        await page.waitForURL((url) => url.searchParams.get("clvQuadrant") === "mvc");
        await page.getByTestId("score-filters").waitFor();
        expect(await page.getByTestId("score-filters").innerText()).toContain("贵宾型客户");
        await tracked.screenshot("dashboard-click-through-zh");
        expectClean(tracked);
      } finally {
        await tracked.close();
      }
    });

    it("refreshes the analytics and follows the progress to the new scores", async () => {
      const admin = await server.testApp.login(demo.admin.email, demo.admin.password);
      const before = (await admin.request("GET", "/api/analytics/status")).json() as {
        lastRun: { id: number };
      };
      const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "en-US" });
      const { page } = tracked;
      try {
        await page.goto("/");
        await signIn(page, demo.admin);
        await chartsReady(page);
        await page
          .locator('[data-testid="analytics-refresh"] [data-action="analytics.refresh"]')
          .click();
        await expect
          .poll(
            async () =>
              (
                (await admin.request("GET", "/api/analytics/status")).json() as {
                  running: boolean;
                  lastRun: { id: number };
                }
              ).lastRun.id,
            SETTLE,
          )
          .toBeGreaterThan(before.lastRun.id);
        // The button is free again and the charts were fetched anew.
        await expect
          .poll(
            () =>
              page
                .locator('[data-testid="analytics-refresh"] [data-action="analytics.refresh"]')
                .isEnabled(),
            SETTLE,
          )
          .toBe(true);
        expect(await page.getByTestId("analytics-refresh").innerText()).toContain("Scores as of");
        await chartsReady(page);
        expectClean(tracked);
      } finally {
        await tracked.close();
      }
    });
  });
});
