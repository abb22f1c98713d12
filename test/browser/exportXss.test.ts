// A hostile document exports to a page where nothing runs: no script, no handler, no javascript: URL.
// Checked twice: as exported (with its CSP), and with the CSP bypassed, which proves that the
// markup itself is inert and the CSP is only the second line of defence.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, EXPORT_CSP, MathdownRenderer } from '../unit/helpers/testRenderer';
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
  file = await exportToFile(readFileSync(join(dir, 'xss.md'), 'utf8'), join(dir, 'xss.md'), join(dir, 'xss.html'), {
    renderer,
    settings: DEFAULT_SETTINGS,
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await renderer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Hovers and clicks everything a reader could touch. Ordinary links (not javascript:) are not
 * followed, so that the page stays to be attacked further; javascript: links are clicked for real.
 * Returns the navigations that happened anyway.
 */
async function attack(page: Page): Promise<string[]> {
  const start = page.url();
  const navigations: string[] = [];
  const selector = 'main a, main [onmouseover], main [onclick], main button, main div, main img, main mjx-container';
  const n = await page.locator(selector).count();
  for (let i = 0; i < n; i++) {
    const t = page.locator(selector).nth(i);
    if (!(await t.isVisible())) continue;
    await t.hover({ force: true, timeout: 2000 }).catch(() => {});
    await t.click({ force: true, timeout: 2000, noWaitAfter: true }).catch(() => {});
    // Let any handler or navigation the click started happen before looking.
    await page.waitForLoadState('load').catch(() => {});
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))).catch(() => {});
    if (page.url() !== start) {
      navigations.push(page.url());
      await page.goto(start, { waitUntil: 'load' });
    }
  }
  return navigations;
}

/** Installed before the page loads: keeps ordinary link clicks from leaving the page. */
function stayOnPage(): void {
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a');
      const href = a?.getAttribute('href') ?? a?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
      if (a && !/^[\s\u0000-\u001f]*javascript:/i.test(href) && !href.startsWith('#')) e.preventDefault();
    },
    true,
  );
}

async function attackFile(
  path: string,
  bypassCSP: boolean,
): Promise<{ executed: string[]; navigations: string[]; page: Page; close(): Promise<void> }> {
  const executed: string[] = [];
  const opened = await openPage(browser, path, {
    bypassCSP,
    beforeLoad: async (page) => {
      await page.exposeFunction('__pwned', (tag: string) => {
        executed.push(tag);
      });
      await page.addInitScript(stayOnPage);
    },
  });
  // The detector works: a call from the page reaches it.
  await opened.page.evaluate(() => (window as unknown as { __pwned(t: string): void }).__pwned('control'));
  assert.deepEqual(executed.splice(0), ['control']);
  const navigations = await attack(opened.page);
  return { executed, navigations, page: opened.page, close: opened.close };
}

const UNSAFE_BODY = `<main>
<div onmouseover="window.__pwned('hover')">hover</div>
<p><a href="javascript:window.__pwned('javascript-link')">link</a></p>
<svg width="100" height="30"><a href="x" onclick="window.__pwned('svg-click')"><rect width="100" height="30"></rect></a></svg>
</main>`;

test('control: the attack finds what an unsafe page runs, and the export CSP alone stops it', async () => {
  const unsafe = join(dir, 'unsafe.html');
  writeFileSync(
    unsafe,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>unsafe</title></head><body>${UNSAFE_BODY}</body></html>`,
  );
  const open = await attackFile(unsafe, true);
  try {
    assert.deepEqual(open.executed.sort(), ['hover', 'javascript-link', 'svg-click']);
  } finally {
    await open.close();
  }
  const guarded = join(dir, 'guarded.html');
  writeFileSync(
    guarded,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}"><title>guarded</title></head><body>${UNSAFE_BODY}</body></html>`,
  );
  const closed = await attackFile(guarded, false);
  try {
    assert.deepEqual(closed.executed, []);
  } finally {
    await closed.close();
  }
});

for (const bypassCSP of [false, true]) {
  test(`nothing executes${bypassCSP ? ' even with the CSP bypassed' : ' under the page CSP'}`, async () => {
    const run = await attackFile(file, bypassCSP);
    try {
      assert.deepEqual(run.executed, [], `payloads ran: ${run.executed.join(', ')}`);
      assert.deepEqual(run.navigations, [], 'no click left the page');
      assert.doesNotMatch(await run.page.content(), /<script/i);
      assert.equal(await run.page.evaluate(() => document.querySelectorAll('script, iframe, object, embed, form').length), 0);
    } finally {
      await run.close();
    }
  });
}
