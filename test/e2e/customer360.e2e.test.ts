/**
 * The customer 360 view against the real server: every section filled from a demo customer,
 * a need recorded, and next best actions acted on in one click (plan a delivery, decide the
 * open proposal).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";
import { loadDemoBase, type DemoBase } from "./support/demoBase.js";
import type { Session } from "../support/testApp.js";

const SETTLE = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
let demo: DemoBase;
let admin: Session;

interface View {
  customer: { id: number; name: string; stage: string };
  stageHistory: { events: unknown[] };
  needs: { title: string }[];
  deliveryRounds: unknown[];
  interactions: unknown[];
  nextActions: { kind: string }[];
  openProposal: { id: number; to: string } | null;
  scores: unknown;
}
const viewOf = async (id: number) =>
  (await admin.request("GET", `/api/customers/${id}/360`)).json() as View;

beforeAll(async () => {
  server = await startTestServer();
  demo = await loadDemoBase(server);
  admin = await server.testApp.login(demo.admin.email, demo.admin.password);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A customer with something in every section: repeat stage, deliveries, interactions, scores. */
async function richCustomer(): Promise<View> {
  const page = (
    await admin.request("GET", "/api/customers?stage=old&stage=core&limit=60")
  ).json() as {
    items: { id: number }[];
  };
  let best: View | null = null;
  for (const { id } of page.items) {
    const view = await viewOf(id);
    if (
      view.deliveryRounds.length &&
      view.interactions.length &&
      view.scores &&
      view.needs.length
    ) {
      if (!best || view.stageHistory.events.length > best.stageHistory.events.length) best = view;
    }
  }
  if (!best) throw new Error("the demo base has no customer with every section filled");
  return best;
}

async function openTab(page: Page, label: string) {
  await page.getByRole("tab", { name: label }).click();
}

describe("the customer 360 view", () => {
  it("shows the ladder, conditions, needs, the spiral, activity, transactions and scores", async () => {
    const view = await richCustomer();
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto(`/customers/${view.customer.id}?tab=ladder`);
      await signIn(page, demo.admin);
      await page.getByRole("heading", { name: view.customer.name }).waitFor(SETTLE);
      await page.getByTestId("next-actions").waitFor(SETTLE);
      expect(await page.locator("[data-next-action]").count()).toBe(view.nextActions.length);

      await page.getByTestId("upgrade-conditions").waitFor(SETTLE);
      expect(await page.locator("[data-condition]").count()).toBe(6);
      expect(await page.locator("[data-evidence]").count()).toBeGreaterThan(0);
      expect(await page.locator("[data-testid=stage-history] [data-event]").count()).toBe(
        view.stageHistory.events.length,
      );
      await tracked.screenshot("customer360-ladder-zh");

      await openTab(page, "客户需求");
      await page.locator("[data-need-level=core]").waitFor();
      expect(await page.locator("[data-need]").count()).toBe(view.needs.length);

      await openTab(page, "价值传递");
      await expect
        .poll(() => page.locator("[data-round]").count(), SETTLE)
        .toBe(view.deliveryRounds.length);

      await openTab(page, "客户互动");
      await expect.poll(() => page.locator(".ant-table-row").count(), SETTLE).toBeGreaterThan(0);

      await openTab(page, "交易");
      await expect
        .poll(() => page.locator(".ant-table-row:visible").filter({ hasText: "¥" }).count(), SETTLE)
        .toBeGreaterThan(0);
      expect(await page.locator("canvas:visible").count()).toBeGreaterThan(0);

      await openTab(page, "价值与忠诚");
      const scores = page.getByTestId("scores");
      await scores.waitFor();
      expect(await scores.innerText()).toMatch(/ABC 类别\s*[ABC]/);
      await page.getByTestId("bonds").waitFor();
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  it("records a need from the header", async () => {
    const view = await richCustomer();
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await page.goto(`/customers/${view.customer.id}`);
      await signIn(page, demo.admin);
      await page.getByRole("heading", { name: view.customer.name }).waitFor(SETTLE);
      await page.locator('[data-action="customer.recordNeed"]').first().click();
      const dialog = page.locator(".ant-modal");
      await dialog.getByLabel("需求").fill("交货周期缩短到两周");
      await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
      await page.getByText("需求已记录。").waitFor(SETTLE);
      await page.locator("[data-need-level=core]").getByText("交货周期缩短到两周").waitFor(SETTLE);
      const after = await viewOf(view.customer.id);
      expect(after.needs.map((n) => n.title)).toContain("交货周期缩短到两周");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  it("acts on next best actions in one click: plan a delivery, decide the proposal", async () => {
    const open = (await admin.request("GET", "/api/proposals?status=open&limit=50")).json() as {
      items: { customerId: number }[];
    };
    let view: View | null = null;
    for (const { customerId } of open.items) {
      const candidate = await viewOf(customerId);
      if (candidate.openProposal && candidate.nextActions.some((a) => a.kind === "delivery")) {
        view = candidate;
        break;
      }
    }
    expect(view).not.toBeNull();
    const { customer, openProposal } = view!;
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "en-US" });
    const { page } = tracked;
    try {
      await page.goto(`/customers/${customer.id}`);
      await signIn(page, demo.admin);
      await page.getByTestId("next-actions").waitFor(SETTLE);

      const rounds = view!.deliveryRounds.length;
      await page
        .locator('[data-next-action="delivery"] [data-action="nextAction.delivery"]')
        .first()
        .click();
      await page.getByText(/Delivery planned in round \d+/).waitFor(SETTLE);
      await expect
        .poll(async () => (await viewOf(customer.id)).deliveryRounds.length)
        .toBe(rounds + 1);
      // It opened the spiral, with the new round in it.
      await expect.poll(() => page.locator("[data-round]").count(), SETTLE).toBe(rounds + 1);

      await page.locator('[data-action="nextAction.proposal"]').first().click();
      await page.getByTestId("proposal-decision-submit").click();
      await page.getByText(/^Accepted: /).waitFor(SETTLE);
      const after = await viewOf(customer.id);
      expect(after.customer.stage).toBe(openProposal!.to);
      expect(after.openProposal).toBeNull();
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
