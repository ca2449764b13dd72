/**
 * Needs in the browser: an account manager records a core need with its characteristics for
 * one of their customers, finds it in the list, and sees the customer flagged for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";

const SETTLE = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;
let customerId: number;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.testApp.as("admin");
  const response = await admin.request("POST", "/api/customers", {
    kind: "organization",
    name: "苏州精密机械有限公司",
    stage: "new",
    ownerId: server.testApp.users.manager,
  });
  expect(response.statusCode, response.body).toBe(201);
  customerId = (response.json() as { id: number }).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("needs in the browser", () => {
  it("records a core need with its characteristics and flags the customer", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/needs");
      await signIn(page, server.credentials("manager"));
      await page.getByRole("heading", { name: "客户需求" }).waitFor();
      await page.getByText("还没有记录任何需求").waitFor(SETTLE);

      await page.locator('[data-action="needs.record"]').first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("记录需求").first().waitFor();
      // A title is required: the form says so before anything is sent.
      await dialog.getByRole("button", { name: /记\s*录/ }).click();
      await dialog.getByText("请选择有此需求的客户。").waitFor();

      await dialog.getByLabel("客户").click();
      await page.keyboard.type("苏州精密");
      await page.locator(".ant-select-item-option", { hasText: "苏州精密机械有限公司" }).click();
      await dialog.getByLabel("需求类型").click();
      await page.getByTitle("质量需求").click();
      await dialog.getByLabel("需求概要").fill("备件准时到货");
      await dialog.getByLabel("需要什么").fill("按合同日期交付备件");
      await dialog.getByLabel("何时需要").fill("每季度生产之前");
      await dialog.getByLabel("需要多少").fill("每月 200 件");
      await dialog.getByLabel("为何需要").fill("停机一天损失 30 万元");
      await tracked.screenshot("needs-record-dialog-zh");
      await dialog.getByRole("button", { name: /记\s*录/ }).click();
      await page.getByText("需求“备件准时到货”已记录。").waitFor(SETTLE);

      const row = page.getByTestId("needs-table").locator("tr", { hasText: "备件准时到货" });
      await row.waitFor(SETTLE);
      expect(await row.innerText()).toContain("核心需求");
      expect(await row.innerText()).toContain("已知 4/8 项");

      const manager = await server.testApp.as("manager");
      const needs = (await manager.request("GET", `/api/customers/${customerId}/needs`)).json() as {
        items: { title: string; level: string; kind: string; howMany: string; status: string }[];
      };
      expect(needs.items).toMatchObject([
        {
          title: "备件准时到货",
          level: "core",
          kind: "quality",
          howMany: "每月 200 件",
          status: "open",
        },
      ]);

      await page.getByRole("tab", { name: /未满足的核心需求/ }).click();
      const flagged = page
        .getByTestId("unmet-core-table")
        .locator("tr", { hasText: "苏州精密机械有限公司" });
      await flagged.waitFor(SETTLE);
      expect(await flagged.innerText()).toContain("备件准时到货");
      await tracked.screenshot("needs-unmet-core-zh");

      // Marking it met clears the flag.
      await page.getByRole("tab", { name: "全部需求" }).click();
      await row.getByRole("button", { name: "备件准时到货" }).click();
      const drawer = page.locator(".ant-drawer");
      await drawer.getByLabel("状态").click();
      await page.getByTitle("已满足").click();
      await drawer.getByRole("button", { name: /保\s*存/ }).click();
      await expect.poll(() => row.innerText(), SETTLE).toContain("已满足");
      await page.getByRole("tab", { name: /未满足的核心需求/ }).click();
      await page.getByText("没有被标记的客户").waitFor(SETTLE);
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
