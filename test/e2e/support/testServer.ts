/**
 * A real Ladder server for browser tests: the HTTP app on a fresh test database (one user per
 * role, see test/support/testApp.ts), listening on a free loopback port and serving the web app
 * that the webBuild global setup has just built into dist/web.
 *
 *   const server = await startTestServer();
 *   const browser = await launchBrowser();
 *   const { page, errors } = await openPage(browser, { baseURL: server.baseURL });
 *   await signIn(page, server.credentials("admin"));
 */
import type { Page } from "playwright-core";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../../support/testApp.js";

export type TestUser = keyof TestApp["users"];

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  baseURL: string;
  testApp: TestApp;
  credentials: (user: TestUser) => { email: string; password: string };
  close: () => Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const testApp = await startTestApp();
  const baseURL = await testApp.app.listen({ port: 0, host: "127.0.0.1" });
  return {
    baseURL,
    testApp,
    credentials: (user) => ({ email: `${user}@test.local`, password: TEST_PASSWORD }),
    close: () => testApp.close(),
  };
}

/** Signs in through the login page, which must be showing, and waits to leave it. */
export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.locator("input[autocomplete=username]").fill(credentials.email);
  await page.locator("input[autocomplete=current-password]").fill(credentials.password);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
