/**
 * Segments in the browser: filter the customers list, save the filter as a segment with its
 * decision and marketing mode, find it counted live among the segments, drill down inside it,
 * and export the filtered view.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { STAGES } from "../../src/shared/enums.js";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";

const SETTLE = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.testApp.as("admin");
  for (let i = 0; i < 24; i++) {
    const response = await admin.request("POST", "/api/customers", {
      kind: "organization",
      name: `客户${String(i).padStart(2, "0")}`,
      stage: STAGES[i % 6],
      industry: i % 2 ? "制造业" : "零售",
      region: i % 3 ? "华东" : "华南",
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("segments", () => {
  it("saves the customers list's filter as a segment, counts it live and drills into it", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/customers");
      await signIn(page, server.credentials("marketing"));
      const footer = page.getByTestId("customers-footer");
      await expect.poll(() => footer.innerText(), SETTLE).toContain("已显示 24 位客户");

      // Filter: manufacturing customers (12), then East China among them (8).
      await page.getByLabel("行业", { exact: true }).click();
      await page.keyboard.type("制造业");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
      await page.waitForURL((url) => url.searchParams.get("industry") === "制造业");
      await expect.poll(() => footer.innerText(), SETTLE).toContain("已显示 12 位客户");
      await page.getByLabel("地区", { exact: true }).click();
      await page.keyboard.type("华东");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
      await page.waitForURL((url) => url.searchParams.get("region") === "华东");
      await expect.poll(() => footer.innerText(), SETTLE).toContain("已显示 8 位客户");

      // Export the current view: the link carries the filters and downloads only those customers.
      await page.getByTestId("export-menu").click();
      const xlsx = page.getByRole("link", { name: /Excel（\.xlsx） · 中文表头/ });
      const href = await xlsx.getAttribute("href");
      expect(href).toContain("format=xlsx");
      expect(href).toContain(`industry=${encodeURIComponent("制造业")}`);
      const csvHref = (await page
        .getByRole("link", { name: /CSV · 英文表头/ })
        .getAttribute("href"))!;
      await page.keyboard.press("Escape");
      const csv = await page.request.get(csvHref);
      expect(csv.status()).toBe(200);
      const lines = (await csv.text()).trim().split(/\r?\n/);
      expect(lines).toHaveLength(1 + 8);
      expect(lines[0]).toContain("name");

      await page.locator('[data-action="segments.saveFilter"]').click();
      const dialog = page.getByTestId("segment-dialog");
      await dialog.getByText("行业: 制造业").waitFor();
      await dialog.getByText("地区: 华东").waitFor();
      await dialog.getByLabel("名称").fill("华东制造业");
      await dialog.getByText("追求", { exact: true }).click();
      await dialog.getByRole("button", { name: "保存细分市场" }).click();
      // A decision needs its reasoning; the form says so next to the field.
      await dialog.getByText("作出决策时必须说明理由。").waitFor();
      await dialog.getByLabel("理由").fill("共同需求是准时交付；我们在华东有备件库，竞争对手没有");
      await dialog.getByText("定制营销").click();
      await tracked.screenshot("segments-save-filter-zh");
      await dialog.getByRole("button", { name: "保存细分市场" }).click();
      await page.getByText("细分市场“华东制造业”已保存。").waitFor(SETTLE);

      await page.goto("/segments");
      const item = page
        .getByTestId("segment-list")
        .locator("[data-segment]", { hasText: "华东制造业" });
      await item.waitFor(SETTLE);
      expect(await item.innerText()).toContain("8");
      expect(await item.innerText()).toContain("追求");
      expect(await item.innerText()).toContain("定制营销");
      await item.focus();
      await page.keyboard.press("Enter");
      const detail = page.getByTestId("segment-detail");
      await expect.poll(() => detail.getByTestId("segment-count").innerText(), SETTLE).toBe("8");
      expect(await detail.innerText()).toContain("共同需求是准时交付");

      // Drill down inside the segment by stage, then into one stage…
      const drill = page.getByTestId("drilldown");
      await expect.poll(() => drill.innerText(), SETTLE).toContain("8 位客户");
      await page.locator("#drill-dimension").click();
      await page.getByTitle("客户阶段").click();
      await drill.getByRole("button", { name: "打开群体：目标客户" }).click();
      await expect.poll(() => drill.innerText(), SETTLE).toContain("客户阶段: 目标客户");
      await expect.poll(() => drill.innerText(), SETTLE).toContain("4 位客户");
      await tracked.screenshot("segments-drilldown-zh");

      // …and a new customer that matches is counted at once.
      const admin = await server.testApp.as("admin");
      await admin.request("POST", "/api/customers", {
        kind: "organization",
        name: "新来的华东制造商",
        industry: "制造业",
        region: "华东",
      });
      await page.reload();
      await expect
        .poll(
          () => page.getByTestId("segment-detail").getByTestId("segment-count").innerText(),
          SETTLE,
        )
        .toBe("9");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
