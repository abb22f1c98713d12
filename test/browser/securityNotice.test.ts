// The preview's security levels in the real page: under the strict policy a remote image is
// blocked before any request leaves, the notice appears, and a click on it asks the extension for
// the picker; a level that allows the image shows no notice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SecurityLevel } from '../../src/shared/remoteContent';
import { launchChromium } from './chromium';
import { fakeVsCodeApi, previewShell, resetUpdate, ROOT } from './previewHarness';

const SOURCE = 'file:///remote.md';
const REMOTE = 'https://example.com/pixel.png';

let dir: string;
let browser: Browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-security-notice-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The preview page at `level` showing one block with the remote image; every request that leaves is recorded (and refused). */
async function open(level: SecurityLevel): Promise<{ page: Page; requests: string[]; close(): Promise<void> }> {
  const file = join(dir, `${level}.html`);
  writeFileSync(file, previewShell(SOURCE, 'securityTestNonce0123456789', pathToFileURL(join(ROOT, 'media/preview.css')).href, level));
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const requests: string[] = [];
  await context.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.addInitScript(fakeVsCodeApi);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(
    (m) => window.postMessage(m, '*'),
    resetUpdate(SOURCE, {
      lineCount: 1,
      blocks: [{ key: 'k0', startLine: 0, endLine: 1, formulaBase: 0, html: `<p data-line="0"><img src="${REMOTE}" alt="pixel"></p>` }],
    }),
  );
  await page.waitForSelector('#mathdown-content img');
  return { page, requests, close: () => context.close() };
}

test('strict: the remote image is blocked before any request, the notice shows, a click asks for the picker', async () => {
  const { page, requests, close } = await open('strict');
  try {
    await page.waitForSelector('#mathdown-security-notice:not([hidden])');
    assert.deepEqual(requests, [], 'no request left the page');
    await page.click('#mathdown-security-notice');
    const posted = await page.waitForFunction(() =>
      (window as unknown as { __posted: { type: string }[] }).__posted.find((m) => m.type === 'showSecuritySelector'),
    );
    assert.deepEqual(await posted.jsonValue(), { type: 'showSecuritySelector', source: SOURCE });
  } finally {
    await close();
  }
});

test('allowRemote: the https image is requested and no notice shows', async () => {
  const { page, requests, close } = await open('allowRemote');
  try {
    // The request is refused by the test's route (no network here): the image errors, it is not blocked by the policy.
    await page.waitForFunction(() => {
      const img = document.querySelector('#mathdown-content img') as HTMLImageElement;
      return img.complete;
    });
    assert.deepEqual(requests, [REMOTE]);
    assert.equal(await page.isHidden('#mathdown-security-notice'), true);
  } finally {
    await close();
  }
});
