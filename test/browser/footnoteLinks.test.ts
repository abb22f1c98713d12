// Footnote links in the preview: a reference scrolls to its note at the end, the back-link scrolls
// back — the webview's in-page anchor handling, fed the blocks the renderer makes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { MathdownRenderer } from '../unit/helpers/testRenderer';
import { launchChromium } from './chromium';
import { blockUpdates, fakeVsCodeApi, previewShell, resetUpdate, ROOT } from './previewHarness';

const SOURCE = 'file:///notes.md';

let dir: string;
let browser: Browser;
const renderer = new MathdownRenderer();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-footnotes-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await renderer.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a footnote reference scrolls the preview to its note, and the back-link scrolls back', async () => {
  const filler = Array.from({ length: 60 }, (_, i) => `Filler paragraph ${i} to push the notes below the first screen.`);
  const text = ['Claim[^odd"label] and $x_1$.', '', ...filler.flatMap((p) => [p, '']), '[^odd"label]: The note, with $y_*$.', ''].join(
    '\n',
  );
  const result = await renderer.render(text);
  const file = join(dir, 'preview.html');
  writeFileSync(file, previewShell(SOURCE, 'footnoteTestNonce0123456789', pathToFileURL(join(ROOT, 'media/preview.css')).href));
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(fakeVsCodeApi);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(
      (m) => window.postMessage(m, '*'),
      resetUpdate(SOURCE, { blocks: blockUpdates(result), lineCount: result.lineCount }),
    );
    await page.waitForSelector('section.footnotes li');
    const inView = (selector: string) =>
      page.waitForFunction((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return r.top >= -1 && r.bottom <= window.innerHeight + 1;
      }, selector);
    const noteTop = await page.evaluate(() => document.querySelector('section.footnotes li')!.getBoundingClientRect().top);
    assert.ok(noteTop > 600, `the note starts below the first screen (${noteTop})`);

    await page.click('sup.footnote-ref a');
    await inView('section.footnotes li');
    assert.ok(await page.evaluate(() => window.scrollY > 0));

    await page.click('a.footnote-backref');
    await inView('sup.footnote-ref a');
    // Both targets were found in the page: neither link went to the extension.
    const handedOver = await page.evaluate(() =>
      (window as unknown as { __posted: Array<{ type: string; anchor?: string }> }).__posted.filter(
        (m) => m.type === 'openLink' || m.anchor !== undefined,
      ),
    );
    assert.deepEqual(handedOver, []);
  } finally {
    await context.close();
  }
});
