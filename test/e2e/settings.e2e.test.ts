/**
 * Settings in the browser: an administrator creates a user, changes a role and a team,
 * deactivates someone, changes a field grade, sets retention, searches the audit log and
 * creates an API token; saving grades or retention another admin changed meanwhile is refused
 * and explained; an analyst is refused the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";

const SETTLE = { timeout: 15_000 };

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

describe("settings", () => {
  it("lets an administrator manage users, grades, retention, the audit log and tokens", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    const admin = await server.testApp.as("admin");
    try {
      await page.goto("/settings");
      await signIn(page, server.credentials("admin"));
      const users = page.getByTestId("users-table");
      await users.locator("tr", { hasText: "analyst@test.local" }).waitFor(SETTLE);

      // A new account manager in a new team.
      await page.locator('[data-action="settings.createUser"]').click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("邮箱").fill("wang.fang@test.local");
      await dialog.getByLabel("姓名").fill("王芳");
      await dialog.getByLabel("团队").fill("华南");
      await dialog.getByLabel("密码").fill("short");
      await dialog.getByRole("button", { name: /新\s*建/ }).click();
      await dialog.getByText("至少 10 个字符。留空则不修改密码。").nth(1).waitFor();
      await dialog.getByLabel("密码").fill("a long enough password");
      await dialog.getByRole("button", { name: /新\s*建/ }).click();
      const wang = users.locator("tr", { hasText: "wang.fang@test.local" });
      await wang.waitFor(SETTLE);
      expect(await wang.innerText()).toContain("客户经理");
      expect(await wang.innerText()).toContain("华南");

      // Promote an account manager to marketing manager.
      const outsider = users.locator("tr", { hasText: "outsider@test.local" });
      await outsider.getByRole("button", { name: /编\s*辑/ }).click();
      await dialog.getByLabel("角色").click();
      await page.getByTitle("市场经理").click();
      await dialog.getByRole("button", { name: /保\s*存/ }).click();
      await expect.poll(() => outsider.innerText(), SETTLE).toContain("市场经理");

      // Deactivate the new user.
      await wang.getByRole("button", { name: /停\s*用/ }).click();
      await page
        .locator(".ant-popconfirm")
        .getByRole("button", { name: /停\s*用/ })
        .click();
      await expect.poll(() => wang.innerText(), SETTLE).toContain("已停用");
      await tracked.screenshot("settings-users-zh");

      // Graded management: the customer's website becomes internal.
      await page.getByRole("tab", { name: "分级管理" }).click();
      const website = page.getByTestId("field-grades").locator("tr", { hasText: "website" });
      await website.waitFor(SETTLE);
      await website.getByText("内部", { exact: true }).click();
      await page.locator('[data-action="settings.saveGrades"]').click();
      await page.getByText("等级已保存，自下一次请求起生效。").waitFor(SETTLE);
      const grades = (await admin.request("GET", "/api/settings/field-grades")).json() as {
        fields: { entity: string; field: string; grade: string }[];
      };
      expect(
        grades.fields.find((f) => f.entity === "customer" && f.field === "website")?.grade,
      ).toBe("internal");

      // Retention: keep interaction notes indefinitely, exited customers 7 years.
      await page.getByRole("tab", { name: "保存期限" }).click();
      await page.getByLabel("退出客户删除期限").fill("7");
      await page.getByText("永久保存").nth(1).click();
      await page.getByRole("button", { name: "保存期限设置" }).click();
      await page.getByText("保存期限已保存。").waitFor(SETTLE);
      const retention = (await admin.request("GET", "/api/settings/retention")).json();
      expect(retention).toMatchObject({ exitedCustomerYears: 7, interactionYears: null });

      // The audit log has the user changes.
      await page.getByRole("tab", { name: "审计日志" }).click();
      const log = page.getByTestId("audit-log");
      await log.locator("tr", { hasText: "user" }).first().waitFor(SETTLE);
      await page.getByLabel("对象", { exact: true }).click();
      await page.keyboard.type("field_grades");
      await page.keyboard.press("Enter");
      await expect.poll(() => log.locator("tbody tr.ant-table-row").count(), SETTLE).toBe(1);
      await tracked.screenshot("settings-audit-zh");

      // An API token, shown once.
      await page.getByRole("tab", { name: "API 令牌" }).click();
      await page.getByLabel("名称").fill("ERP 夜间同步");
      await page.getByRole("button", { name: "创建令牌" }).click();
      const token = await page.getByTestId("new-token").innerText();
      expect(token.length).toBeGreaterThan(20);
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  it("explains a grade or retention change another admin saved first, and keeps the grades draft", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    const admin = await server.testApp.as("admin");
    type Grades = { version: number; fields: { entity: string; field: string; grade: string }[] };
    const customerGrade = async (field: string) =>
      ((await admin.request("GET", "/api/settings/field-grades")).json() as Grades).fields.find(
        (f) => f.entity === "customer" && f.field === field,
      )?.grade;
    try {
      await page.goto("/settings?tab=grades");
      await signIn(page, server.credentials("admin"));
      const industry = page.getByTestId("field-grades").locator("tr", { hasText: "industry" });
      await industry.waitFor(SETTLE);
      await industry.getByText("机密", { exact: true }).click();

      // Another admin saves a grade while this page holds its draft.
      const read = (await admin.request("GET", "/api/settings/field-grades")).json() as Grades;
      const other = await admin.request("PUT", "/api/settings/field-grades", {
        version: read.version,
        grades: [{ entity: "customer", field: "reputation", grade: "internal" }],
      });
      expect(other.statusCode, other.body).toBe(200);
      await page.locator('[data-action="settings.saveGrades"]').click();
      await page.getByText("其他管理员刚刚保存了等级", { exact: false }).waitFor(SETTLE);
      expect(await customerGrade("industry")).not.toBe("confidential");
      // The draft survives the reload and saves on the new version; the other grade stays.
      await page.locator('[data-action="settings.saveGrades"]').click();
      await expect.poll(() => customerGrade("industry"), SETTLE).toBe("confidential");
      expect(await customerGrade("reputation")).toBe("internal");

      // Retention: the form loads the other admin's periods and saves on their version.
      await page.getByRole("tab", { name: "保存期限" }).click();
      const exited = page.getByLabel("退出客户删除期限");
      await exited.waitFor(SETTLE);
      const retention = (await admin.request("GET", "/api/settings/retention")).json();
      expect(
        (
          await admin.request("PUT", "/api/settings/retention", {
            ...retention,
            exitedCustomerYears: 9,
          })
        ).statusCode,
      ).toBe(200);
      await exited.fill("6");
      await page.getByRole("button", { name: "保存期限设置" }).click();
      await page.getByText("其他管理员刚刚修改了保存期限", { exact: false }).waitFor(SETTLE);
      await expect.poll(() => exited.inputValue(), SETTLE).toBe("9");
      await tracked.screenshot("settings-retention-stale-zh");
      await exited.fill("6");
      await page.getByRole("button", { name: "保存期限设置" }).click();
      await page.getByText("保存期限已保存。").waitFor(SETTLE);
      expect((await admin.request("GET", "/api/settings/retention")).json()).toMatchObject({
        exitedCustomerYears: 6,
        version: retention.version + 2,
      });
      expectClean(tracked, [
        { method: "PUT", path: "/api/settings/field-grades", status: 409 },
        { method: "PUT", path: "/api/settings/retention", status: 409 },
      ]);
    } finally {
      await tracked.close();
    }
  });

  it("is refused to an analyst", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "en-US" });
    const { page } = tracked;
    try {
      await page.goto("/settings");
      await signIn(page, server.credentials("analyst"));
      await page.getByText("Only administrators can open this page.").waitFor(SETTLE);
      expect(await page.getByRole("link", { name: "Settings" }).count()).toBe(0);
      expect(await page.getByTestId("users-table").count()).toBe(0);
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
