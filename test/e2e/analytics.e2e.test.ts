/**
 * The analytics scene against the real server: an empty state that says what to do, then the
 * latest refresh with its fitted models and every table filled from a demo base, and an RFM
 * segment followed to the customers list filtered by it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";
import { loadDemoBase, type DemoBase } from "./support/demoBase.js";

const SETTLE = { timeout: 20_000 };
const PANELS = ["run", "models", "abc", "size-tiers", "rfm", "clv", "lifecycle", "retention"];

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

describe("the analytics scene", () => {
  it("explains what to do before the first refresh", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/analytics");
      await signIn(page, server.credentials("marketing"));
      const empty = page.getByTestId("analytics-empty");
      await empty.waitFor(SETTLE);
      expect(await empty.innerText()).toContain("还没有分析结果");
      expect(await empty.locator('[data-action="analytics.refresh"]').count()).toBe(1);
      expect(await empty.getByRole("link", { name: "导入交易" }).count()).toBe(1);
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

    it("shows the model report and the tables, and leads from a segment to its customers", async () => {
      const admin = await server.testApp.login(demo.admin.email, demo.admin.password);
      const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
      const { page } = tracked;
      try {
        await page.goto("/analytics");
        await signIn(page, demo.admin);
        for (const panel of PANELS) {
          await expect
            .poll(() => page.locator(`[data-chart="${panel}"]`).getAttribute("data-state"), SETTLE)
            .toBe("ready");
        }
        expect(await page.locator("h3").first().innerText()).toBe("客户价值分析");

        // The refresh and its fitted models.
        const summary = await page.getByTestId("run-summary").innerText();
        expect(summary).toContain("已评分客户");
        expect(summary).toMatch(/¥/);
        const bgnbd = page.locator('[data-model="bgnbd"]');
        expect(await bgnbd.innerText()).toContain("已收敛");
        for (const label of ["r", "α", "a", "b", "对数似然"]) {
          expect(await bgnbd.locator("th", { hasText: label }).count(), label).toBeGreaterThan(0);
        }
        const gammaGamma = page.locator('[data-model="gammaGamma"]');
        for (const label of ["p", "q", "γ"]) {
          expect(await gammaGamma.locator("th", { hasText: label }).count()).toBeGreaterThan(0);
        }

        // Every table holds data.
        const rows = (table: string) => page.locator(`[data-testid="${table}"] .ant-table-row`);
        expect(await rows("abc-table").count()).toBe(3);
        expect(await rows("size-tiers-table").count()).toBe(4);
        expect(await rows("rfm-table").count()).toBeGreaterThan(3);
        expect(await rows("clv-table").count()).toBeGreaterThan(1);
        expect(await rows("lifecycle-table").count()).toBeGreaterThan(1);
        expect(await page.getByTestId("clv-table").innerText()).toContain("贵宾型客户");
        expect(await page.getByTestId("lifecycle-table").innerText()).toMatch(/成熟期|成长期/);
        const cohorts = page.locator('[data-testid="retention-heatmap"] tbody tr');
        expect(await cohorts.count()).toBeGreaterThan(1);
        expect(await page.getByTestId("retention-heatmap").innerText()).toMatch(/\d+%/);
        await tracked.screenshot("analytics-zh");

        // Monthly cohorts are finer than quarterly ones.
        const quarterly = await cohorts.count();
        await page
          .locator('[data-chart="retention"] .ant-segmented-item', { hasText: "月" })
          .click();
        await page.waitForURL((url) => url.searchParams.get("retention") === "month");
        await expect.poll(() => cohorts.count(), SETTLE).toBeGreaterThan(quarterly);

        // A segment leads to exactly its customers.
        const link = page.locator("[data-rfm-segment]").first();
        const segment = (await link.getAttribute("data-rfm-segment"))!;
        await link.click();
        await page.waitForURL(
          (url) => url.pathname === "/customers" && url.searchParams.get("rfmSegment") === segment,
        );
        const { segments } = (await admin.request("GET", "/api/analytics/rfm-segments")).json() as {
          segments: { segment: string; customers: number }[];
        };
        const expected = segments.find((s) => s.segment === segment)!.customers;
        await page.getByTestId("score-filters").waitFor();
        // The list pages 50 at a time: the first page is full, or holds the whole segment.
        await expect
          .poll(() => page.getByTestId("customers-footer").innerText(), SETTLE)
          .toContain(`已显示 ${Math.min(50, expected)} 位客户`);
        expectClean(tracked);
      } finally {
        await tracked.close();
      }
    });
  });
});
