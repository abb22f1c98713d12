// Opens exported pages in Debian's headless Chromium (not a test file itself). Every request that
// is not the page itself or a data: URI is blocked and recorded, as are console errors.
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../e2e/chromiumFlags.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Requests other than the page's own file and data: URIs (all of them were aborted). */
  outside: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  file: string,
  options: { bypassCSP?: boolean; beforeLoad?: (page: Page) => Promise<void> } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 700 },
    bypassCSP: options.bypassCSP ?? false,
    javaScriptEnabled: true,
  });
  const url = pathToFileURL(file).href;
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const u = route.request().url();
    if (u === url || u.startsWith('data:')) return route.continue();
    outside.push(u);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:') && !outside.includes(u)) outside.push(u);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await options.beforeLoad?.(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, outside, consoleErrors, close: () => context.close() };
}
