import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_BASE_FLAGS, serveDemo } from '../scripts/demo-server.js';

/*
 * The e2e harness: the real server (same buildApp as production, serving the built web/dist) over a fresh SQLite
 * file seeded with the demo city, and Debian's Chromium driven by playwright-core. One harness per journey file.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOT_DIR = path.join(root, 'test-output', 'e2e');
export const DEMO_PASSWORD = 'khuphoso2025';
/** For expect.poll: pages load lazily over a real server, so wait longer than vitest's 1 s default. */
export const POLL = { timeout: 10_000, interval: 100 };

const CHROMIUM_ARGS = ['--headless', ...CHROMIUM_BASE_FLAGS];

export interface Harness {
  baseURL: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with one page, at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves test-output/e2e/<journey>.png. */
  screenshot(page: Page, journey: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Uncaught errors thrown in any page of this harness; journeys assert it stays empty. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const webIndex = path.join(root, 'web', 'dist', 'index.html');
  if (!fs.existsSync(webIndex))
    throw new Error('web/dist is missing: run `npx tsx scripts/e2e.ts`, which builds it first.');

  const server = await serveDemo(
    path.join(root, 'test-output', `e2e-${process.pid}.db`),
    path.join(root, 'web', 'dist'),
  );
  const baseURL = server.baseURL;

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    baseURL,
    browser,
    pageErrors,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({
        baseURL,
        viewport,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    async screenshot(page, journey, options = {}) {
      const file = path.join(SCREENSHOT_DIR, `${journey}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      return file;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/** Logs in through the form, as a person would, and waits for the app shell. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname.startsWith('/app'));
  await page.getByTestId('user-menu').waitFor();
}
