// Accessibility of the two pages a reader opens, the preview (the real webview script, fed the
// blocks as the extension renders them) and the exported page: axe-core finds no serious or
// critical violation, and the accessibility tree holds one math node per formula (MathJax's
// assistive MathML; the SVG beside it is hidden from assistive technology).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, exportHtml, MathdownRenderer } from '../unit/helpers/testRenderer';
import { fakeVsCodeApi, previewShell, renderedUpdate, ROOT } from './previewHarness';
import { launchChromium } from './chromium';

const NONCE = 'accessibilityTestNonce0123456789';
const SHOWCASE = join(ROOT, 'examples/showcase.md');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let dir: string;
let renderer: MathdownRenderer;
let browser: Browser;
let text: string;
let formulaCount: number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-a11y-'));
  renderer = new MathdownRenderer();
  browser = await launchChromium();
  text = readFileSync(SHOWCASE, 'utf8');
});

after(async () => {
  await browser?.close();
  await renderer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page with axe-core injected (past the page's CSP, which allows no such script). */
async function open(file: string, preview: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  if (preview) await page.addInitScript(fakeVsCodeApi);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page;
}

/** `skip`: axe rules that do not apply to the page as tested. */
async function seriousViolations(page: Page, skip: string[] = []): Promise<string[]> {
  const options = { resultTypes: ['violations'], rules: Object.fromEntries(skip.map((id) => [id, { enabled: false }])) };
  const result = (await page.evaluate((o) => (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run(o), options)) as {
    violations: AxeViolation[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Math nodes in Chromium's accessibility tree that are not hidden from it, as a reader meets them
 * scrolling through the page with every <details> open (the math inside a closed one is rightly
 * out of the tree). Counted over the whole scroll: blocks far off screen (content-visibility: auto)
 * have their nodes built as they come near.
 */
async function mathNodes(page: Page): Promise<number> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const cdp = await page.context().newCDPSession(page);
  const seen = new Set<number>();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 300) {
    await page.evaluate(async (top) => {
      window.scrollTo(0, top);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, y);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; ignored?: boolean; backendDOMNodeId?: number }[];
    };
    for (const n of nodes)
      if (!n.ignored && n.role?.value === 'MathMLMath' && n.backendDOMNodeId !== undefined) seen.add(n.backendDOMNodeId);
  }
  return seen.size;
}

test('the preview of the showcase: no serious or critical axe violation, one math node per typeset formula', async () => {
  // As the preview panel renders: a shared glyph cache and MathJax's assistive MathML.
  const result = await renderer.render(text, { math: DEFAULT_SETTINGS.math, fontCache: 'global', assistiveMml: true });
  formulaCount = result.formulas.filter((f) => !f.error).length;
  assert.ok(formulaCount >= 20, `${formulaCount} formulas`);
  const source = pathToFileURL(SHOWCASE).href;
  const file = join(dir, 'preview.html');
  writeFileSync(file, previewShell(source, NONCE, pathToFileURL(join(ROOT, 'media/preview.css')).href));
  const page = await open(file, true);
  try {
    await page.evaluate((m) => window.postMessage(m, '*'), renderedUpdate(source, result));
    await page.waitForFunction((n) => document.querySelectorAll('mjx-container > svg').length >= n, formulaCount, { timeout: 60_000 });
    // The preview's colours are the VS Code theme's (CSS variables this page lacks), so their contrast is the theme's.
    assert.deepEqual(await seriousViolations(page, ['color-contrast']), []);
    assert.equal(await mathNodes(page), formulaCount, 'one math node per formula');
    const formulas = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-formula]'), (f) => ({
        translate: f.getAttribute('translate'),
        tabIndex: (f as HTMLElement).tabIndex,
        svgHidden: f.querySelector('svg')?.getAttribute('aria-hidden') ?? 'no svg',
      })),
    );
    assert.ok(formulas.length >= formulaCount);
    for (const f of formulas) {
      assert.equal(f.translate, 'no', 'translators leave the math alone');
      assert.equal(f.tabIndex, 0, 'reachable with Tab');
      assert.ok(f.svgHidden === 'true' || f.svgHidden === 'no svg', 'the picture is hidden, the MathML is read');
    }
  } finally {
    await page.context().close();
  }
});

test('the exported showcase: no serious or critical axe violation, one math node per typeset formula', async () => {
  const file = join(dir, 'showcase.html');
  writeFileSync(file, await exportHtml(text, { renderer, settings: DEFAULT_SETTINGS, sourceName: 'showcase.md' }));
  const result = await renderer.render(text, { math: DEFAULT_SETTINGS.math });
  const count = result.formulas.filter((f) => !f.error).length;
  const page = await open(file, false);
  try {
    assert.deepEqual(await seriousViolations(page), []);
    assert.equal(await mathNodes(page), count, 'one math node per formula');
  } finally {
    await page.context().close();
  }
});
