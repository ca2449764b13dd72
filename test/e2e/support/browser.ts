/**
 * Headless Chromium for the browser tests: Debian's Chromium driven by playwright-core. A missing
 * browser fails the run with instructions; the browser tests are never silently skipped.
 */
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.LADDER_CHROMIUM ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where screenshots go; ignored by git. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, "../../../test-results/screenshots");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's \`chromium\` package ` +
        "(apt-get install chromium) or point LADDER_CHROMIUM at a Chromium binary.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface HttpFailure {
  method: string;
  url: string;
  status: number;
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /**
   * Console errors, uncaught exceptions and requests that got no answer, in order: a clean page
   * leaves this empty. The browser's own "Failed to load resource" lines are left out: answers
   * with an error status are in `httpFailures`, where a test can tell an expected 401 or 409
   * from a fault.
   */
  errors: string[];
  /** Every answer with status 400 or above. */
  httpFailures: HttpFailure[];
  /** Saves a full-page PNG under test-results/screenshots and returns its path. */
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

export interface PageOptions {
  baseURL: string;
  /** The browser's preferred language, e.g. "zh-CN" or "en-US". */
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * Opens a page in a fresh context (own cookies and storage) that records every console error,
 * page error and failed request, so a test can assert the page ran cleanly.
 */
export async function openPage(browser: Browser, options: PageOptions): Promise<TrackedPage> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: options.locale ?? "zh-CN",
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const httpFailures: HttpFailure[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().startsWith("Failed to load resource: the server responded with")) return;
    errors.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      httpFailures.push({
        method: response.request().method(),
        url: response.url(),
        status: response.status(),
      });
    }
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "failed";
    // Navigations and aborted fetches (a query cancelled by a newer one) are not faults.
    if (failure !== "net::ERR_ABORTED") errors.push(`requestfailed: ${request.url()} ${failure}`);
  });
  return {
    page,
    context,
    errors,
    httpFailures,
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = resolve(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "_")}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => context.close(),
  };
}

/** A request failure a test expects, e.g. a 409 it provokes on purpose. */
export interface AllowedFailure {
  method: string;
  path: string;
  status: number;
}

/**
 * Asserts the page logged no console error and saw no failed request, apart from the 401 of
 * the session check before sign-in and the failures the test names.
 */
export function expectClean(tracked: TrackedPage, allowed: AllowedFailure[] = []): void {
  expect(tracked.errors).toEqual([]);
  const unexpected = tracked.httpFailures.filter((failure) => {
    const path = new URL(failure.url).pathname;
    if (failure.status === 401 && path === "/api/auth/me") return false;
    return !allowed.some(
      (a) => a.method === failure.method && a.path === path && a.status === failure.status,
    );
  });
  expect(unexpected).toEqual([]);
}
