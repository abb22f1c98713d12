// The exported page in a real browser: self-contained, quiet, one SVG per formula, working \eqref.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEFAULT_SETTINGS, MathdownRenderer } from '../unit/helpers/testRenderer';
import { exportToFile } from '../../src/node/exportToFile';
import { launchChromium, openPage, type OpenedPage } from './chromium';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/export');
const ARTIFACTS = join(ROOT, 'test-artifacts');

let dir: string;
let renderer: MathdownRenderer;
let browser: Browser;
let light: string;
let dark: string;
let formulaCount: number;
let opened: OpenedPage;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mathdown-browser-'));
  for (const f of ['sample.md', 'figure.png']) copyFileSync(join(FIXTURES, f), join(dir, f));
  const text = readFileSync(join(dir, 'sample.md'), 'utf8');
  renderer = new MathdownRenderer();
  light = await exportToFile(text, join(dir, 'sample.md'), join(dir, 'sample.html'), { renderer, settings: DEFAULT_SETTINGS });
  dark = await exportToFile(text, join(dir, 'sample.md'), join(dir, 'sample-dark.html'), {
    renderer,
    settings: DEFAULT_SETTINGS,
    theme: 'dark',
  });
  const { formulas } = await renderer.render(text, { math: DEFAULT_SETTINGS.math });
  assert.deepEqual(
    formulas.filter((f) => f.error),
    [],
    'the fixture has no TeX errors',
  );
  formulaCount = formulas.length;
  browser = await launchChromium();
  opened = await openPage(browser, light);
});

after(async () => {
  await opened?.close();
  await browser?.close();
  await renderer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the page loads with no request outside itself and no console error', async () => {
  await opened.page.evaluate(() => document.fonts.ready);
  assert.deepEqual(opened.outside, []);
  assert.deepEqual(opened.consoleErrors, []);
  assert.equal(await opened.page.title(), 'Export sample: Gaussian integrals');
});

test('exactly one SVG per formula, plus the one shared glyph cache', async () => {
  const counts = await opened.page.evaluate(() => ({
    containers: document.querySelectorAll('mjx-container').length,
    perContainer: [...document.querySelectorAll('mjx-container')].map((c) => c.querySelectorAll(':scope > svg').length),
    outermostSvgs: [...document.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg')).length,
    glyphCaches: document.querySelectorAll('body > svg#MJX-SVG-global-cache').length,
    brokenUses: [...document.querySelectorAll('mjx-container use')].filter(
      (u) => !document.getElementById((u.getAttribute('xlink:href') ?? u.getAttribute('href') ?? '').slice(1)),
    ).length,
    untranslated: [...document.querySelectorAll('mjx-container')].filter((c) => !c.closest('[translate="no"]')).length,
    withoutMathml: [...document.querySelectorAll('mjx-container')].filter((c) => !c.querySelector('mjx-assistive-mml > math')).length,
  }));
  assert.ok(formulaCount > 10, `the fixture has many formulas (${formulaCount})`);
  assert.equal(counts.containers, formulaCount);
  assert.deepEqual(counts.perContainer, Array(formulaCount).fill(1));
  assert.equal(counts.outermostSvgs, formulaCount + 1);
  assert.equal(counts.glyphCaches, 1);
  assert.equal(counts.brokenUses, 0, 'every glyph reference resolves inside the page');
  assert.equal(counts.untranslated, 0, 'all math is translate="no"');
  assert.equal(counts.withoutMathml, 0, 'every formula carries MathML for screen readers');
});

test('math is read as math: the accessibility tree has a math node per formula', async () => {
  const snapshot = await opened.page.locator('main').ariaSnapshot();
  const mathNodes = snapshot.split('\n').filter((l) => /^\s*- math\b/.test(l)).length;
  assert.equal(mathNodes, formulaCount, snapshot.slice(0, 2000));
});

test('the local image is embedded and displayed', async () => {
  const img = await opened.page.evaluate(() => {
    const i = document.querySelector('img') as HTMLImageElement;
    return { scheme: i.src.slice(0, 15), width: i.naturalWidth, complete: i.complete };
  });
  assert.deepEqual(img, { scheme: 'data:image/png;', width: 24, complete: true });
});

test('clicking an \\eqref link scrolls to its equation', async () => {
  const { page } = opened;
  await page.evaluate(() => window.scrollTo(0, 0));
  const link = page.locator('a[href="#mjx-eqn%3Aeq%3Agauss"]').first();
  const targetBefore = await page.evaluate(() => document.getElementById('mjx-eqn:eq:gauss')?.getBoundingClientRect().top ?? -1);
  assert.ok(targetBefore > 700, `the equation starts below the first screen (${targetBefore})`);
  await link.click();
  await page.waitForFunction(() => location.hash === '#mjx-eqn%3Aeq%3Agauss');
  await page.waitForFunction(() => {
    const r = document.getElementById('mjx-eqn:eq:gauss')!.getBoundingClientRect();
    return window.scrollY > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1;
  });
});

test("the math looks as with MathJax's style attributes: same computed styles, same pixels", async () => {
  const { page } = opened;
  await page.evaluate(() => window.scrollTo(0, 0));
  // Every block painted, not only those near the viewport (content-visibility: auto), for a full-page comparison.
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('main.mathdown > *')) block.style.contentVisibility = 'visible';
  });
  const withClasses = await page.screenshot({ fullPage: true });
  // Each class turned back into the style attribute it stands for, set through the CSSOM, which the page's CSP does not govern.
  const moved = await page.evaluate(() => {
    const rules = new Map<string, CSSStyleDeclaration>();
    for (const sheet of document.styleSheets)
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSStyleRule && /^\.mjx-s[\w-]+$/.test(rule.selectorText)) rules.set(rule.selectorText.slice(1), rule.style);
      }
    const differences: string[] = [];
    let elements = 0;
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>('[class*="mjx-s"]')) {
      const name = [...el.classList].find((c) => c.startsWith('mjx-s'))!;
      const declared = rules.get(name)!;
      const properties = [...declared];
      const before = properties.map((p) => getComputedStyle(el).getPropertyValue(p));
      el.classList.remove(name);
      for (const p of properties) el.style.setProperty(p, declared.getPropertyValue(p));
      properties.forEach((p, i) => {
        const after = getComputedStyle(el).getPropertyValue(p);
        if (after !== before[i]) differences.push(`${el.tagName} ${p}: ${before[i]} as a class, ${after} inline`);
      });
      elements++;
    }
    return { rules: rules.size, elements, differences };
  });
  assert.ok(moved.rules > 5 && moved.elements >= 2 * formulaCount, JSON.stringify(moved));
  assert.deepEqual(moved.differences, []);
  assert.ok(withClasses.equals(await page.screenshot({ fullPage: true })), 'the page looks the same with inline styles');
  await page.reload();
  await page.evaluate(() => document.fonts.ready);
});

test("the CSP lets the page's <style> element apply and blocks style attributes", async () => {
  const { page } = opened;
  const colors = await page.evaluate(() => {
    const p = document.querySelector('main p')!;
    const styled = getComputedStyle(document.body).backgroundColor;
    p.setAttribute('style', 'color: rgb(255, 0, 0)');
    return { styled, attribute: getComputedStyle(p).color };
  });
  assert.deepEqual(colors, { styled: 'rgb(255, 255, 255)', attribute: 'rgb(31, 35, 40)' });
  assert.ok(
    opened.consoleErrors.some((e) => /inline style.*style-src-attr 'none'/.test(e)),
    opened.consoleErrors.join('\n'),
  );
  opened.consoleErrors.length = 0;
});

test('screenshots of the light and dark pages', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { page } = opened;
  await page.evaluate(() => window.scrollTo(0, 0));
  const png = await page.screenshot({ path: join(ARTIFACTS, 'export-light.png') });
  assert.ok(png.length > 10_000);
  const darkPage = await openPage(browser, dark);
  try {
    assert.deepEqual(darkPage.outside, []);
    const bg = await darkPage.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(13, 17, 23)');
    await darkPage.page.screenshot({ path: join(ARTIFACTS, 'export-dark.png') });
  } finally {
    await darkPage.close();
  }
});

test('the exported showcase (or the fixture until it exists) is self-contained and quiet; its screenshot', async () => {
  const examples = join(ROOT, 'examples');
  const source = existsSync(join(examples, 'showcase.md')) ? join(dir, 'examples', 'showcase.md') : join(dir, 'sample.md');
  if (source.includes('examples')) cpSync(examples, join(dir, 'examples'), { recursive: true });
  const file = await exportToFile(readFileSync(source, 'utf8'), source, join(dir, 'showcase.html'), {
    renderer,
    settings: DEFAULT_SETTINGS,
  });
  const showcase = await openPage(browser, file);
  try {
    await showcase.page.evaluate(() => document.fonts.ready);
    assert.deepEqual(showcase.outside, []);
    assert.deepEqual(showcase.consoleErrors, []);
    // A formula MathJax rejects shows its source and the message instead of an SVG.
    const { formulas } = await renderer.render(readFileSync(source, 'utf8'), { math: DEFAULT_SETTINGS.math });
    assert.equal(await showcase.page.locator('mjx-container > svg').count(), formulas.filter((f) => !f.error).length);
    assert.equal(await showcase.page.locator('.mathdown-error').count(), formulas.filter((f) => f.error).length);
    mkdirSync(ARTIFACTS, { recursive: true });
    await showcase.page.screenshot({ path: join(ARTIFACTS, 'export-showcase-light.png') });
  } finally {
    await showcase.close();
  }
});
