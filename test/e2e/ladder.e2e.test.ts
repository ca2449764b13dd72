/**
 * The ladder board against the real server: a card dragged to another stage (forbidden stages
 * refuse it while it is dragged) with a reason that lands in the stage history; the keyboard's
 * "move to" menu; and proposals accepted and rejected from the inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, type TrackedPage, expectClean } from "./support/browser.js";
import { signIn, startTestServer, type TestServer } from "./support/testServer.js";
import { loadDemoBase, type DemoBase } from "./support/demoBase.js";
import type { Session } from "../support/testApp.js";

const SETTLE = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
let demo: DemoBase;
let admin: Session;

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

interface History {
  stage: string;
  events: { from: string | null; to: string; reason: string; actorName: string | null }[];
}
const historyOf = async (id: string | number) =>
  (await admin.request("GET", `/api/customers/${id}/stage-history`)).json() as History;

async function openBoard(tracked: TrackedPage, path = "/ladder", ready = "ladder-board") {
  await tracked.page.goto(path);
  await signIn(tracked.page, demo.admin);
  await tracked.page.getByTestId(ready).waitFor(SETTLE);
}

async function confirmMove(page: Page, reason: string) {
  const form = page.getByTestId("stage-change-form");
  await form.waitFor();
  await form.locator("textarea").fill(reason);
  await page.getByTestId("stage-change-submit").click();
  await form.waitFor({ state: "detached", timeout: 20_000 });
}

describe("the ladder board", () => {
  it("moves a dragged card with a reason, refusing the stages the ladder forbids", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await openBoard(tracked);
      await tracked.screenshot("ladder-board-zh");
      const card = page.locator('[data-column="target"] [data-card]').first();
      const id = (await card.getAttribute("data-card"))!;
      const name = await card.getAttribute("aria-label");
      const before = await historyOf(id);
      expect(before.stage).toBe("target");

      const to = page.locator('[data-column="new"]');
      const box = (await to.boundingBox())!;
      await card.hover();
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + 120, { steps: 10 });
      // While dragging: target → new is an upgrade; target → core skips rungs.
      await expect.poll(() => to.getAttribute("data-drop")).toBe("allowed");
      expect(await page.locator('[data-column="core"]').getAttribute("data-drop")).toBe(
        "forbidden",
      );
      expect(await page.locator('[data-column="strategic"]').getAttribute("aria-disabled")).toBe(
        "true",
      );
      await page.mouse.up();

      const reason = "试点项目签约，开始试用产品";
      await confirmMove(page, reason);
      await page.getByText(`已将 ${name} 变更为新客户`).waitFor(SETTLE);

      const after = await historyOf(id);
      expect(after.stage).toBe("new");
      expect(after.events.length).toBe(before.events.length + 1);
      expect(after.events.at(-1)).toMatchObject({ from: "target", to: "new", reason });
      // The card left its column (in the new one it queues behind those waiting longer), and
      // the history shows the move.
      await expect
        .poll(() => page.locator(`[data-column="target"] [data-card="${id}"]`).count(), SETTLE)
        .toBe(0);
      await page.goto(`/customers/${id}?tab=ladder`);
      const history = page.getByTestId("stage-history");
      await history.waitFor(SETTLE);
      expect(await history.innerText()).toContain(reason);
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  it("pages a column and moves a card from its menu, without a mouse drag", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await openBoard(tracked);
      // Keyset paging per column: each "more" adds the next cards, none twice.
      const potential = page.locator('[data-column="potential"]');
      const cards = potential.locator("[data-card]");
      expect(await cards.count()).toBe(20);
      await potential.locator('[data-action="ladder.loadMoreColumn"]').click();
      await expect.poll(() => cards.count(), SETTLE).toBeGreaterThan(20);
      const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-card")));
      expect(new Set(ids).size).toBe(ids.length);

      const card = page.locator('[data-column="old"] [data-card]').first();
      const id = (await card.getAttribute("data-card"))!;
      const menu = card.getByTestId("card-move-menu");
      await menu.focus();
      await page.keyboard.press("Enter");
      const items = page.locator(".ant-dropdown:not(.ant-dropdown-hidden)").getByRole("menuitem");
      await items.first().waitFor();
      // Only the moves the ladder allows from repeat: new, core, problem, exited.
      expect(await items.allInnerTexts()).toEqual(["新客户", "核心客户", "问题客户", "退出客户"]);
      await items.filter({ hasText: "核心客户" }).click();
      await confirmMove(page, "认同我们的价值，愿意更紧密合作");
      await expect.poll(async () => (await historyOf(id)).stage, SETTLE).toBe("core");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });

  it("accepts and rejects proposals from the inbox", async () => {
    const tracked = await openPage(browser, { baseURL: server.baseURL, locale: "zh-CN" });
    const { page } = tracked;
    try {
      await openBoard(tracked, "/ladder?tab=proposals", "proposals-inbox");
      const inbox = page.getByTestId("proposals-inbox");
      const first = inbox.locator('[data-proposal][data-status="open"]').first();
      await first.waitFor(SETTLE);
      await tracked.screenshot("ladder-proposals-zh");
      const id = (await first.getAttribute("data-proposal"))!;
      const proposal = (await admin.request("GET", `/api/proposals/${id}`)).json() as {
        customerId: number;
        to: string;
        evidence: unknown[];
      };
      expect(proposal.evidence.length).toBeGreaterThan(0);
      await first.locator('[data-action="proposal.accept"]').click();
      await page.getByTestId("proposal-decision-submit").click();
      await expect.poll(() => inbox.locator(`[data-proposal="${id}"]`).count(), SETTLE).toBe(0);
      const accepted = (await admin.request("GET", `/api/proposals/${id}`)).json() as {
        status: string;
      };
      expect(accepted.status).toBe("accepted");
      expect((await historyOf(proposal.customerId)).stage).toBe(proposal.to);

      // A rejection needs a note.
      const next = inbox.locator('[data-proposal][data-status="open"]').first();
      const nextId = (await next.getAttribute("data-proposal"))!;
      await next.locator('[data-action="proposal.reject"]').click();
      await page.getByTestId("proposal-decision-submit").click();
      await page.getByText("拒绝时必须填写备注").waitFor();
      const note = page.getByRole("textbox", { name: "备注" });
      await note.fill("客户刚续签年度合同，并未流失");
      await page.getByTestId("proposal-decision-submit").click();
      await expect
        .poll(
          async () =>
            ((await admin.request("GET", `/api/proposals/${nextId}`)).json() as { status: string })
              .status,
          SETTLE,
        )
        .toBe("rejected");
      expectClean(tracked);
    } finally {
      await tracked.close();
    }
  });
});
