// A hostile document exports to a page where nothing runs: no script, no handler, no javascript: URL.
// Checked twice: as exported (with its CSP), and with the CSP bypassed, which proves that the
// markup itself is inert and the CSP is only the second line of defence.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, MathdownRenderer } from '../../src/core';
import { exportToFile } from '../../src/node/exportToFile';
import { launchChromium, openPage } from './chromium';

const FIXTURES = join(__dirname, '../../../test/fixtures/export');

let dir: string;
let renderer: MathdownRenderer;
let browser: Browser;
let file: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-xss-'));
  copyFileSync(join(FIXTURES, 'xss.md'), join(dir, 'xss.md'));
  renderer = new MathdownRenderer();
  file = await exportToFile(readFileSync(join(dir, 'xss.md'), 'utf8'), join(dir, 'xss.md'), join(dir, 'xss.html'), { renderer, settings: DEFAULT_SETTINGS });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await renderer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Hovers and clicks everything a reader could touch, stopping if the page navigates away. */
async function attack(page: Page): Promise<void> {
  const start = page.url();
  const targets = page.locator('main a, main [onmouseover], main [onclick], main button, main div, main img, main mjx-container');
  const n = await targets.count();
  for (let i = 0; i < n && page.url() === start; i++) {
    const t = targets.nth(i);
    if (!(await t.isVisible())) continue;
    await t.hover({ force: true, timeout: 2000 }).catch(() => {});
    await t.click({ force: true, timeout: 2000, noWaitAfter: true }).catch(() => {});
  }
  // Let any handler or javascript: navigation the clicks started finish before counting.
  await page.waitForLoadState('load').catch(() => {});
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))).catch(() => {});
}

for (const bypassCSP of [false, true]) {
  test(`nothing executes${bypassCSP ? ' even with the CSP bypassed' : ' under the page CSP'}`, async () => {
    const executed: string[] = [];
    const opened = await openPage(browser, file, {
      bypassCSP,
      beforeLoad: (page) => page.exposeFunction('__pwned', (tag: string) => { executed.push(tag); }),
    });
    try {
      const { page } = opened;
      // The detector works: a call from the page reaches it.
      await page.evaluate(() => (window as unknown as { __pwned(t: string): void }).__pwned('control'));
      assert.deepEqual(executed, ['control']);
      executed.length = 0;
      await attack(page);
      assert.deepEqual(executed, [], `payloads ran: ${executed.join(', ')}`);
      assert.ok(page.url().endsWith('/xss.html'), `the page did not navigate away (${page.url()})`);
      const html = await page.content();
      assert.doesNotMatch(html, /<script/i);
      assert.equal(await page.evaluate(() => document.querySelectorAll('script, iframe, object, embed, form').length), 0);
    } finally {
      await opened.close();
    }
  });
}
