// The notebook renderer's own paint, with the real bundles in headless Chromium: dist/notebookRenderer.js
// loads dist/notebookPaint.js, starts dist/web/typesetWorker.js as a Web Worker from a blob: URL, and
// a cell drawn before the extension's answer shows MathJax SVG without automatic numbers (marked
// local); a cell with a reference stays pending; the extension's HTML then replaces both. VS Code's
// side is faked as its renderer API hands it to renderers: markdown-it's render, messaging, and
// each cell drawn into a shadow root of a `.preview` element.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { ROOT } from './previewHarness';

const PAGE = `<!DOCTYPE html><html><body><script type="module">
const posted = (window.__posted = []);
let listener;
const md = { render: (src) => '<p>built-in: ' + src + '</p>' };
window.__send = (message) => listener(message);
const ctx = {
  getRenderer: async () => ({ extendMarkdownIt: (f) => f(md) }),
  postMessage: (message) => posted.push(message),
  onDidReceiveMessage: (l) => ((listener = l), { dispose() {} }),
};
await (await import('/dist/notebookRenderer.js')).activate(ctx);
let top = 0;
window.__draw = (text) => {
  const host = document.createElement('div');
  host.className = 'preview';
  host.style.top = (top += 100) + 'px';
  host.attachShadow({ mode: 'open' }).innerHTML = md.render(text);
  document.body.append(host);
};
window.__cells = () => [...document.querySelectorAll('.preview')].map((p) => {
  const cell = p.shadowRoot.querySelector('.mathdown-cell');
  return {
    classes: [...cell.classList].sort(),
    math: cell.querySelectorAll('mjx-container svg').length,
    numbers: [...cell.querySelectorAll('mjx-assistive-mml mtext')].map((t) => t.textContent).filter((t) => /^\\(.*\\)$/.test(t)),
    text: cell.textContent,
  };
});
window.__ready = true;
</script></body></html>`;

const NUMBERED = 'Let $x^2$ be\n\n\\begin{equation}\na = b\n\\end{equation}\n';
const REFERENCE = 'By \\eqref{e}, $y$.\n';

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = normalize(join(ROOT, url.pathname));
    if (!file.startsWith(join(ROOT, 'dist'))) {
      res.writeHead(404).end();
      return;
    }
    try {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

interface Cell {
  classes: string[];
  math: number;
  numbers: string[];
  text: string;
}
const cells = (page: Page): Promise<Cell[]> => page.evaluate(() => (window as unknown as { __cells(): Cell[] }).__cells());

test('a cell drawn before the extension answers shows its own MathJax, unnumbered, until the answer replaces it', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(base);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: 60_000 });
    await page.evaluate(
      ([a, b]) => {
        const w = window as unknown as { __draw(text: string): void };
        w.__draw(a!);
        w.__draw(b!);
      },
      [NUMBERED, REFERENCE],
    );
    // Both cells asked the extension for their HTML at once, as before.
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted), [
      { type: 'render', text: NUMBERED },
      { type: 'render', text: REFERENCE },
    ]);
    // Generous: the worker reads and compiles MathJax first.
    await page.waitForFunction(
      () => (window as unknown as { __cells(): Cell[] }).__cells()[0]?.classes.includes('mathdown-local'),
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    const [local, waiting] = await cells(page);
    assert.deepEqual(local!.classes, ['mathdown-cell', 'mathdown-local']);
    assert.equal(local!.math, 2);
    assert.deepEqual(local!.numbers, [], 'no number before the notebook numbers the cell');
    assert.deepEqual(waiting!.classes, ['mathdown-cell', 'mathdown-pending'], 'a cell with a reference waits for the notebook');

    // The extension's answer: the whole notebook's HTML replaces the paint.
    await page.evaluate(
      ([a, b]) =>
        (window as unknown as { __send(m: unknown): void }).__send({
          type: 'cells',
          enabled: true,
          css: '',
          cells: [
            { text: a, html: '<p>from the extension (1)</p>' },
            { text: b, html: '<p>see (1)</p>' },
          ],
        }),
      [NUMBERED, REFERENCE],
    );
    const answered = await cells(page);
    assert.deepEqual(
      answered.map((c) => [c.classes, c.text]),
      [
        [['mathdown-cell'], 'from the extension (1)'],
        [['mathdown-cell'], 'see (1)'],
      ],
    );
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('with Mathdown off for the notebook, a cell painted meanwhile goes back to the built-in rendering', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(base);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: 60_000 });
    await page.evaluate((a) => (window as unknown as { __draw(text: string): void }).__draw(a), NUMBERED);
    await page.waitForFunction(
      () => (window as unknown as { __cells(): Cell[] }).__cells()[0]?.classes.includes('mathdown-local'),
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    await page.evaluate(() =>
      (window as unknown as { __send(m: unknown): void }).__send({ type: 'cells', enabled: false, css: '', cells: [] }),
    );
    const [cell] = await cells(page);
    assert.deepEqual(cell!.classes, ['mathdown-cell']);
    assert.match(cell!.text, /^built-in: /);
  } finally {
    await page.close();
  }
});
