// XSS: every vector of test/fixtures/xss/vectors.json (raw HTML, Markdown links and images, TeX
// commands; each payload calls window.__pwned('<id>')) rendered into the two surfaces a reader
// opens: (1) the preview: the real webview script (dist/webview.js) in a page with the preview's
// CSP, fed the core's rendered blocks by message as the extension does; (2) the exported page
// (exportHtml). Each page is loaded in headless Chromium and attacked: every element hovered,
// clicked and focused (for real and by dispatched events), timers and meta refresh waited for.
// Then the DOM is checked statically for handlers, script URLs and scripts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, EXPORT_CSP, exportHtml, MathdownRenderer } from '../unit/helpers/testRenderer';
import { previewCsp } from '../../src/vscode/preview/previewShell';
import { CSP_SOURCE, fakeVsCodeApi, previewShell, renderedUpdate, ROOT } from './previewHarness';
import { launchChromium } from './chromium';

const { vectors } = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/xss/vectors.json'), 'utf8')) as {
  vectors: Array<{ id: string; kind: string; markdown: string }>;
};

/** The nonce is this test's; the page is the preview's own shell (previewHarness.ts). */
const NONCE = 'hardeningTestNonce0123456789';
const PREVIEW_CSP = previewCsp(CSP_SOURCE, NONCE);

/**
 * Installed before any page script: ordinary link clicks stay on the page (so that it can be
 * attacked further), while `javascript:` links (as resolved, after any <base>) are followed for real.
 */
function keepLinkClicksOnPage(): void {
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a') as HTMLAnchorElement | null;
      if (a && !/^javascript:/i.test(a.href)) e.preventDefault();
    },
    true,
  );
}

let dir: string;
let renderer: MathdownRenderer;
let browser: Browser;
const executions: string[] = [];
const findings: string[] = [];
let pages = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-xss-vectors-'));
  renderer = new MathdownRenderer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await renderer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(
    `${vectors.length} XSS vectors × 2 surfaces (preview, export), ${executions.length} executions, ${findings.length} static findings, ${pages} pages attacked`,
  );
  console.log(`preview CSP: ${PREVIEW_CSP}`);
  console.log(`export CSP:  ${EXPORT_CSP}`);
});

async function openFile(file: string, bypassCSP = false): Promise<{ page: Page; close(): Promise<void>; navigations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, bypassCSP });
  const url = pathToFileURL(file).href;
  const allowed = new Set([url, pathToFileURL(join(ROOT, 'dist/webview.js')).href]);
  // Nothing but the page and its script loads: no request may leave (or reach another file).
  await context.route('**/*', (route) =>
    allowed.has(route.request().url()) || route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const navigations: string[] = [];
  // Following an in-page anchor (a heading's #id) is not leaving the page.
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().replace(/#.*$/, '') !== url) navigations.push(frame.url());
  });
  await page.exposeFunction('__pwned', (id: string) => {
    executions.push(id);
  });
  await page.addInitScript(keepLinkClicksOnPage);
  await page.addInitScript(fakeVsCodeApi);
  await page.goto(url, { waitUntil: 'load' });
  pages++;
  return { page, navigations, close: () => context.close() };
}

/** Everything a reader can do to the content, for real and by dispatched events; then wait for timers. */
async function attack(page: Page, scope: string): Promise<void> {
  await page.evaluate((selector) => {
    for (const el of Array.from(document.querySelectorAll(`${selector}, ${selector} *`))) {
      for (const type of [
        'mouseover',
        'mouseenter',
        'mousemove',
        'mousedown',
        'mouseup',
        'pointerover',
        'pointerdown',
        'focus',
        'focusin',
        'input',
        'change',
        'toggle',
        'animationstart',
        'load',
        'error',
      ]) {
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
      (el as HTMLElement).focus?.();
      (el as HTMLElement).click?.();
    }
  }, scope);
  // Real pointer input as well, on what a reader would point at (dispatched events reached the rest).
  const targets = page.locator(`${scope} a, ${scope} button, ${scope} input, ${scope} summary, ${scope} img`);
  const n = Math.min(await targets.count(), 6);
  for (let i = 0; i < n; i++) {
    const t = targets.nth(i);
    await t.hover({ force: true, timeout: 500 }).catch(() => {});
    await t.click({ force: true, timeout: 500, noWaitAfter: true }).catch(() => {});
  }
  // Handlers on timers, meta refresh (0 s) and navigations get their chance.
  await page.waitForTimeout(300);
}

/** What must not be in the content: scripts, handlers, script URLs, frames, forms, refreshes. */
async function staticFindings(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    const bad = /^[\s\u0000-\u001f]*(javascript|vbscript|data:text\/html)/i;
    for (const el of Array.from(document.querySelectorAll(`${selector}, ${selector} *`))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'frame', 'frameset', 'applet', 'noscript'].includes(tag))
        out.push(`<${tag}>`);
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) out.push(`<${tag} ${a.name}>`);
        if (/(href|src|action|formaction|data|srcdoc|xlink:href|background|poster)$/i.test(a.name) && bad.test(a.value))
          out.push(`<${tag} ${a.name}="${a.value.slice(0, 40)}">`);
        if (a.name === 'style' && /javascript:|expression\(/i.test(a.value)) out.push(`<${tag} style="${a.value.slice(0, 40)}">`);
      }
    }
    return out;
  }, scope);
}

async function check(surface: string, id: string, page: Page, scope: string, navigations: string[]): Promise<void> {
  await attack(page, scope);
  const found = await staticFindings(page, scope);
  findings.push(...found.map((f) => `${surface} ${id}: ${f}`));
  const posted = (await page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; href?: string }> }).__posted)).filter(
    (m) => m.type === 'openLink',
  );
  const scriptLinks = posted.filter((m) => /^[\s\u0000-\u001f]*(javascript|vbscript|data):/i.test(m.href ?? ''));
  assert.deepEqual(found, [], `${surface} ${id}: nothing executable in the DOM`);
  assert.deepEqual(scriptLinks, [], `${surface} ${id}: no script link handed to the extension to open`);
  assert.deepEqual(navigations, [], `${surface} ${id}: the page did not navigate`);
}

test('the attack finds what an unsafe page runs (control)', async () => {
  const file = join(dir, 'control.html');
  writeFileSync(
    file,
    `<!DOCTYPE html><html><body><main id="c"><div onmouseover="window.__pwned('control-hover')">x</div><a href="javascript:window.__pwned('control-link')">l</a><img src="nope.png" onerror="window.__pwned('control-img')"></main></body></html>`,
  );
  const { page, close } = await openFile(file, true);
  try {
    await attack(page, '#c');
    assert.deepEqual([...new Set(executions.splice(0))].sort(), ['control-hover', 'control-img', 'control-link']);
    assert.ok((await staticFindings(page, '#c')).length >= 3, 'the static check sees the handlers');
  } finally {
    await close();
  }
});

for (const vector of vectors) {
  test(`${vector.kind} vector ${vector.id}`, async () => {
    const before = executions.length;
    const text = `# Vector ${vector.id}\n\nNormal $x^2$ text.\n\n${vector.markdown}\n\nAfter the vector.\n`;

    // (1) Preview: the real webview script patches in the rendered blocks.
    const result = await renderer.render(text);
    const source = pathToFileURL(join(dir, `${vector.id}.md`)).href;
    const previewFile = join(dir, `${vector.id}.preview.html`);
    writeFileSync(previewFile, previewShell(source, NONCE));
    const preview = await openFile(previewFile);
    try {
      await preview.page.evaluate((m) => window.postMessage(m, '*'), renderedUpdate(source, result));
      await preview.page.waitForFunction(() => document.querySelectorAll('#mathdown-content > *').length > 0, undefined, {
        timeout: 60_000,
      });
      await check('preview', vector.id, preview.page, '#mathdown-content', preview.navigations);
    } finally {
      await preview.close();
    }

    // (2) Export: the standalone page.
    const exportFile = join(dir, `${vector.id}.html`);
    writeFileSync(exportFile, await exportHtml(text, { renderer, settings: DEFAULT_SETTINGS, sourceName: `${vector.id}.md` }));
    const exported = await openFile(exportFile);
    try {
      await check('export', vector.id, exported.page, 'body', exported.navigations);
    } finally {
      await exported.close();
    }
    assert.deepEqual(executions.slice(before), [], `payloads ran for ${vector.id}`);
  });
}

test('no payload ran anywhere', () => {
  assert.deepEqual(executions, []);
  assert.deepEqual(findings, []);
});
