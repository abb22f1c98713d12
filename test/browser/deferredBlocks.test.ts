// Long documents in the preview: blocks sent as placeholders are filled with the HTML the extension
// sends when they come near the viewport — checked with the real webview script (dist/webview.js)
// and stylesheet in headless Chromium, fed update and blocks messages as the extension sends them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { fakeVsCodeApi, previewShell, ROOT } from './previewHarness';

const SOURCE = 'file:///long.md';
const BLOCKS = 3000;
const EAGER = 50;

let dir: string;
let browser: Browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-deferred-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const blockHtml = (i: number) => `<p data-line="${2 * i}">Block ${i}</p>\n`;

async function openPreview(): Promise<{ page: Page; close(): Promise<void> }> {
  const file = join(dir, 'preview.html');
  writeFileSync(file, previewShell(SOURCE, 'deferredTestNonce0123456789', pathToFileURL(join(ROOT, 'media/preview.css')).href));
  // The test is about placeholders, not the CSP (which admits only VS Code's resource origin for the stylesheet).
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, bypassCSP: true });
  const page = await context.newPage();
  await page.addInitScript(fakeVsCodeApi);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

const update = (fields: object) => ({
  type: 'update',
  source: SOURCE,
  version: 1,
  keepHead: 0,
  keepTail: 0,
  lineShift: 0,
  formulaShift: 0,
  lineCount: 2 * BLOCKS,
  ...fields,
});

test('placeholders near the viewport are asked for and filled; the ones far away stay placeholders', async () => {
  const { page, close } = await openPreview();
  try {
    const blocks = Array.from({ length: BLOCKS }, (_, i) => ({
      key: `k${i}`,
      startLine: 2 * i,
      endLine: 2 * i + 1,
      formulaBase: 0,
      ...(i < EAGER ? { html: blockHtml(i) } : { deferred: true }),
    }));
    await page.evaluate((m) => window.postMessage(m, '*'), update({ seq: 1, baseSeq: 0, reset: true, blocks }));
    await page.waitForFunction((n) => document.querySelectorAll('#mathdown-content > *').length === n, BLOCKS);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const asked = await page
      .waitForFunction(() => {
        const posted = (window as unknown as { __posted: Array<{ type: string; keys?: string[] }> }).__posted;
        const keys = posted.filter((m) => m.type === 'needBlocks').flatMap((m) => m.keys ?? []);
        return keys.length ? keys : undefined;
      })
      .then((h) => h.jsonValue() as Promise<string[]>);
    const indices = asked.map((k) => Number(k.slice(1)));
    assert.ok(
      indices.every((i) => i >= EAGER),
      'only placeholders are asked for',
    );
    assert.ok(indices.length < BLOCKS / 4, `only the blocks near the viewport are asked for (${indices.length})`);

    await page.evaluate((m) => window.postMessage(m, '*'), {
      type: 'blocks',
      source: SOURCE,
      blocks: indices.map((i) => ({ key: `k${i}`, html: blockHtml(i), startLine: 2 * i, formulaBase: 0 })),
    });
    await page
      .waitForFunction((n) => document.querySelectorAll('.mathdown-pending').length === n, BLOCKS - EAGER - indices.length, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const state = await page.evaluate((wanted) => {
      const children = Array.from(document.querySelectorAll<HTMLElement>('#mathdown-content > *'));
      return {
        filled: wanted.filter(
          (i) => children[i]!.textContent!.trim() === `Block ${i}` && !children[i]!.classList.contains('mathdown-pending'),
        ).length,
        placeholders: document.querySelectorAll('.mathdown-pending').length,
      };
    }, indices);
    assert.equal(state.filled, indices.length, 'every block asked for is filled in place');
    assert.equal(state.placeholders, BLOCKS - EAGER - indices.length, 'the rest are still placeholders');
  } finally {
    await close();
  }
});

test('blocks far from the reader with the content of a typeset block stay placeholders, not copies of it', async () => {
  const { page, close } = await openPreview();
  try {
    const first = [{ key: 'same', startLine: 0, endLine: 1, formulaBase: 0, html: blockHtml(0) }];
    await page.evaluate((m) => window.postMessage(m, '*'), update({ seq: 1, baseSeq: 0, reset: true, blocks: first }));
    await page.waitForFunction(() => document.querySelectorAll('#mathdown-content > *').length === 1);
    // The full result after a first screen: the typeset block comes back first, then many blocks of
    // the same content (hence the same key) far away, sent deferred.
    const blocks = [
      first[0],
      ...Array.from({ length: BLOCKS - 1 }, (_, i) => ({
        key: 'same',
        startLine: 2 * (i + 1),
        endLine: 2 * (i + 1) + 1,
        formulaBase: 0,
        deferred: true,
      })),
    ];
    await page.evaluate((m) => window.postMessage(m, '*'), update({ seq: 2, baseSeq: 1, reset: false, blocks }));
    await page.waitForFunction((n) => document.querySelectorAll('#mathdown-content > *').length === n, BLOCKS);
    const counts = await page.evaluate(() => ({
      typeset: Array.from(document.querySelectorAll('#mathdown-content > *')).filter((el) => el.textContent!.includes('Block 0')).length,
      placeholders: document.querySelectorAll('.mathdown-pending').length,
    }));
    assert.equal(counts.typeset, 1, 'the typeset block is kept once');
    assert.equal(counts.placeholders, BLOCKS - 1);
  } finally {
    await close();
  }
});
