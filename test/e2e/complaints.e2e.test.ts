/**
 * The complaints board in the browser: an overdue complaint is highlighted, and one complaint
 * is walked from the keyboard through listen → record and judge → propose → follow up → closed,
 * each step asking for its own fields.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";

const SETTLE = { timeout: 15_000 };
const HOUR = 3_600_000;

let server: TestServer;
let browser: Browser;
let complaintId: number;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.testApp.as("admin");
  const customer = await admin.request("POST", "/api/customers", {
    kind: "organization",
    name: "宁波港务集团",
    stage: "old",
  });
  expect(customer.statusCode, customer.body).toBe(201);
  const customerId = (customer.json() as { id: number }).id;
  const late = await admin.request("POST", "/api/complaints", {
    customerId,
    title: "发票金额错误",
    receivedAt: new Date(Date.now() - 30 * HOUR).toISOString(),
  });
  expect(late.statusCode, late.body).toBe(201);
  const fresh = await admin.request("POST", "/api/complaints", {
    customerId,
    title: "备件到货延迟",
    description: "三批备件都晚到两天，产线停了半天。",
  });
  expect(fresh.statusCode, fresh.body).toBe(201);
  complaintId = (fresh.json() as { id: number }).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the complaints board", () => {
  it("highlights the overdue and walks a complaint through its four steps", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/complaints");
      await signIn(page, server.credentials("admin"));
      const column = (step: string) => page.locator(`[data-step="${step}"]`);
      const card = (step: string) =>
        column(step).getByTestId("complaint-card").filter({ hasText: "备件到货延迟" });

      const overdue = column("listen")
        .getByTestId("complaint-card")
        .filter({ hasText: "发票金额错误" });
      await overdue.waitFor(SETTLE);
      expect(await overdue.getAttribute("data-overdue")).toBe("true");
      expect(await overdue.getByTestId("sla-timer").innerText()).toMatch(/已超期 \d+ 小时/);
      expect(await card("listen").getAttribute("data-overdue")).toBe("false");
      expect(await card("listen").getByTestId("sla-timer").innerText()).toMatch(/后到期/);
      await tracked.screenshot("complaints-board-zh");

      // 1. Listen → record, from the keyboard.
      await card("listen").focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.getByText("三批备件都晚到两天，产线停了半天。").waitFor();
      await dialog.getByRole("button", { name: "已倾听：记录并判断" }).click();
      await card("record").waitFor(SETTLE);

      // 2. Record the key points and judge: it holds, so a cause is required.
      await card("record").click();
      await dialog.getByRole("button", { name: "投诉成立：提出解决办法" }).click();
      await dialog.getByText("必填").first().waitFor();
      await dialog.getByLabel("投诉要点").fill("三批备件均晚到 2 天，影响产线");
      await dialog.getByLabel("投诉原因").click();
      await page.getByTitle("服务质量").click();
      await dialog.getByRole("button", { name: "投诉成立：提出解决办法" }).click();
      await card("propose").waitFor(SETTLE);

      // 3. Propose a workable solution.
      await card("propose").click();
      await dialog.getByLabel("解决办法").fill("启用华东备件库，24 小时内到场");
      await dialog.getByRole("button", { name: "已提出办法：跟踪服务" }).click();
      await card("follow_up").waitFor(SETTLE);

      // 4. Follow up and close with the customer's satisfaction.
      await card("follow_up").click();
      await dialog.getByLabel("跟踪情况").fill("后两批均准时到货，客户表示认可");
      await dialog.getByText("愉悦", { exact: true }).click();
      await tracked.screenshot("complaints-follow-up-zh");
      await dialog.getByRole("button", { name: /结\s*案/ }).click();
      await page.getByText("“备件到货延迟”已进入：已结案。").waitFor(SETTLE);
      expect(
        await page.getByTestId("complaint-card").filter({ hasText: "备件到货延迟" }).count(),
      ).toBe(0);

      await page.getByText("已结案", { exact: true }).click();
      const closedRow = page
        .getByTestId("closed-complaints")
        .locator("tr", { hasText: "备件到货延迟" });
      await closedRow.waitFor(SETTLE);
      expect(await closedRow.innerText()).toContain("愉悦");

      const admin = await server.testApp.as("admin");
      const saved = (await admin.request("GET", `/api/complaints/${complaintId}`)).json();
      expect(saved).toMatchObject({
        step: "closed",
        valid: true,
        cause: "service",
        keyPoints: "三批备件均晚到 2 天，影响产线",
        solution: "启用华东备件库，24 小时内到场",
        followUp: "后两批均准时到货，客户表示认可",
        satisfaction: "delighted",
      });
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
