/**
 * The web app against the real server: sign-in, the customers list (keyset paging, Chinese
 * search, filters in the URL), the customer 360 edit with its stale-write answer, and language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { STAGES } from "../../src/shared/enums.js";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";

const SURNAMES = ["张", "王", "李", "赵"];
const CUSTOMERS = 120;

/** Screens settle within seconds; the default one-second poll is too short on a busy machine. */
const SETTLE = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.testApp.as("admin");
  for (let i = 0; i < CUSTOMERS; i++) {
    const response = await admin.request("POST", "/api/customers", {
      kind: i % 3 === 0 ? "individual" : "organization",
      name: `${SURNAMES[i % SURNAMES.length]}氏客户${String(i).padStart(3, "0")}`,
      stage: STAGES[i % 6],
      industry: i % 2 ? "制造业" : "零售",
      region: "华东",
      tags: i % 5 === 0 ? ["重点"] : [],
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Only the expected "not signed in yet" answer, and no script errors. */
describe("customers in the browser", () => {
  it("signs in, pages through the list, searches in Chinese and filters by stage", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/customers");
      await page.waitForURL(/\/login\?next=%2Fcustomers$/);
      await signIn(page, server.credentials("admin"));
      expect(new URL(page.url()).pathname).toBe("/customers");

      const footer = page.getByTestId("customers-footer");
      await expect.poll(() => footer.innerText(), SETTLE).toContain("已显示 50 位客户");
      await page.locator('[data-action="customers.loadMore"]').click();
      await expect.poll(() => footer.innerText(), SETTLE).toContain("已显示 100 位客户");
      await page.locator(".ant-table-tbody-virtual-holder").hover();
      for (let i = 0; i < 10 && !(await footer.innerText()).includes("已全部加载"); i++) {
        await page.mouse.wheel(0, 4000);
        await page.waitForTimeout(200);
      }
      await expect.poll(() => footer.innerText(), SETTLE).toContain(`已显示 ${CUSTOMERS} 位客户`);
      expect(await footer.innerText()).toContain("已全部加载");
      await tracked.screenshot("customers-list-zh");

      await page.getByRole("searchbox").fill("张氏");
      await page.waitForURL((url) => url.searchParams.get("q") === "张氏");
      await expect
        .poll(() => footer.innerText(), SETTLE)
        .toContain(`已显示 ${CUSTOMERS / 4} 位客户`);
      const names = await page.locator(".ant-table-row a").allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((name) => name.startsWith("张氏"))).toBe(true);

      await page.goto("/customers?stage=new");
      await expect
        .poll(() => footer.innerText(), SETTLE)
        .toContain(`已显示 ${CUSTOMERS / 6} 位客户`);
      const stages = await page
        .locator(".ant-table-row [data-stage]")
        .evaluateAll((tags) => tags.map((tag) => tag.getAttribute("data-stage")));
      expect(new Set(stages)).toEqual(new Set(["new"]));
      await tracked.screenshot("customers-stage-new-zh");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  it("saves an edit with its version and explains a stale write", async () => {
    const admin = await server.testApp.as("admin");
    const list = (await admin.request("GET", "/api/customers?q=李氏客户002&limit=1")).json() as {
      items: { id: number; name: string }[];
    };
    const customer = list.items[0]!;
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto(`/customers/${customer.id}`);
      await signIn(page, server.credentials("admin"));
      await page.getByRole("heading", { name: customer.name }).waitFor();

      await page.locator('[data-action="customer.edit"]').click();
      await page.getByLabel("备注").fill("首次拜访，关注交付周期");
      await page.locator('[data-action="customer.save"]').click();
      await page.getByText("客户信息已保存。").waitFor();
      const saved = (await admin.request("GET", `/api/customers/${customer.id}`)).json() as {
        notes: string;
        version: number;
      };
      expect(saved.notes).toBe("首次拜访，关注交付周期");

      // Someone else saves while this user edits.
      await page.locator('[data-action="customer.edit"]').click();
      await page.getByLabel("备注").fill("我的修改");
      const other = await admin.request("PATCH", `/api/customers/${customer.id}`, {
        version: saved.version,
        notes: "他人的修改",
      });
      expect(other.statusCode).toBe(200);
      await page.keyboard.press("Control+s");
      await page.getByTestId("stale-write").waitFor();
      await expect.poll(() => page.getByLabel("备注").inputValue(), SETTLE).toBe("他人的修改");
      await tracked.screenshot("customer-stale-write-zh");
      expectClean(tracked, [
        { method: "PATCH", path: `/api/customers/${customer.id}`, status: 409 },
      ]);
    } finally {
      await tracked.close();
    }
  });

  it("follows an English browser, remembers a switch to Chinese, and keeps Settings for admins", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "en-US" });
    const { page } = tracked;
    try {
      await page.goto("/");
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await signIn(page, server.credentials("analyst"));
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      expect(await page.getByRole("link", { name: "Settings" }).count()).toBe(0);
      await page.goto("/settings");
      await page.getByText("Only administrators can open this page.").waitFor();

      await page.getByTestId("language-switch").click();
      await page.getByRole("menuitem", { name: "中文" }).click();
      await page.getByRole("link", { name: "客户升级看板" }).waitFor();
      await page.reload();
      await page.getByRole("link", { name: "客户升级看板" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      await tracked.screenshot("settings-forbidden-analyst-zh");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
