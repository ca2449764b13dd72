/**
 * The import wizard in the browser: a CSV with one bad row is checked and its error names the
 * line; a column is mapped by hand; the fixed file imports with progress to the end.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";

const SETTLE = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "ladder-import-e2e-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A CSV as Excel on Chinese Windows would save it from a UTF-8 sheet: BOM, CRLF. */
function csv(name: string, rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${rows.map((row) => row.join(",")).join("\r\n")}\r\n`);
  return path;
}

describe("the import wizard", () => {
  it("shows the bad row by its line, then imports the fixed file with progress", async () => {
    const header = ["客户名称", "客户类别", "行业", "地区", "联系备注"];
    const bad = csv("customers-bad.csv", [
      header,
      ["杭州青禾食品", "organization", "食品", "华东", "老客户介绍"],
      ["宁波远洋渔业", "robot", "渔业", "华东", ""],
      ["陈静", "individual", "零售", "华南", "展会认识"],
    ]);
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto("/import");
      await signIn(page, server.credentials("manager"));
      await page.getByRole("heading", { name: "导入" }).waitFor();

      await page.locator("input[type=file]").setInputFiles(bad);
      await page.getByText("customers-bad.csv").waitFor();
      await page.locator('[data-action="imports.check"]').click();
      const mapping = page.getByTestId("column-mapping");
      await mapping.waitFor(SETTLE);
      // Recognised Chinese headers are mapped; the unknown one is left out until mapped.
      expect(await mapping.locator("tr", { hasText: "客户名称" }).innerText()).toContain("名称");
      expect(await mapping.locator("tr", { hasText: "联系备注" }).innerText()).toContain("不导入");
      await page.getByLabel("“联系备注”列对应的字段").click();
      await page.keyboard.type("备注");
      await page.keyboard.press("Enter");
      await page.locator('[data-action="imports.check"]').click();

      const errors = page.getByTestId("import-errors");
      await errors.waitFor(SETTLE);
      const rows = await errors.locator("tbody tr").allInnerTexts();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain("第 3 行");
      expect(rows[0]).toContain("robot");
      await page.getByText("有 1 行需要修改。尚未导入任何数据。").waitFor();
      expect(await page.locator('[data-action="imports.run"]').count()).toBe(0);
      await tracked.screenshot("import-bad-row-zh");

      // Fix the file and start again.
      const good = csv("customers-good.csv", [
        header,
        ["杭州青禾食品", "organization", "食品", "华东", "老客户介绍"],
        ["宁波远洋渔业", "organization", "渔业", "华东", ""],
        ["陈静", "individual", "零售", "华南", "展会认识"],
      ]);
      await page.locator('[data-action="imports.restart"]').click();
      await page.locator("input[type=file]").setInputFiles(good);
      await page.locator('[data-action="imports.check"]').click();
      await mapping.waitFor(SETTLE);
      await page.getByLabel("“联系备注”列对应的字段").click();
      await page.keyboard.type("备注");
      await page.keyboard.press("Enter");
      await page.locator('[data-action="imports.check"]').click();
      await page.getByText("已检查全部 3 行：文件可以导入。").waitFor(SETTLE);
      await page.locator('[data-action="imports.run"]').click();
      await page.getByTestId("import-succeeded").waitFor(SETTLE);
      expect(await page.getByTestId("import-succeeded").innerText()).toContain("已导入 3 行。");
      await tracked.screenshot("import-succeeded-zh");

      const manager = await server.testApp.as("manager");
      const list = (
        await manager.request("GET", `/api/customers?q=${encodeURIComponent("陈静")}`)
      ).json() as {
        items: { id: number; ownerId: number }[];
      };
      expect(list.items).toHaveLength(1);
      expect(list.items[0]!.ownerId).toBe(server.testApp.users.manager);
      const chen = (await manager.request("GET", `/api/customers/${list.items[0]!.id}`)).json() as {
        notes: string | null;
      };
      // The hand-mapped column arrived in its field.
      expect(chen.notes).toBe("展会认识");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
