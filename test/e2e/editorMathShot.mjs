#!/usr/bin/env node
// Screenshots for the README (docs/screenshots/): examples/equations.md in code-server's real
// workbench, (1) the cursor in a formula with its rendering shown in the editor, (2) Find All
// References peeked on a label. Exit code 0 when the decoration's image was seen in the editor DOM
// and the peek view listed the references.
//   node test/e2e/editorMathShot.mjs [--theme dark|light] [--out docs/screenshots]
import fs from 'node:fs';
import path from 'node:path';
import { argv, copyToTemp, defaults, repoRoot, requireToolchain } from './lib.mjs';
import { goTo, openFileAlone, openWorkbench } from './workbench.mjs';

const t0 = Date.now();
const step = (m) => console.log(`[shot ${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);
const theme = argv('theme', 'dark');
const out = path.resolve(argv('out', path.join(repoRoot, 'docs', 'screenshots')));
const file = 'equations.md';
requireToolchain(defaults.codeServer, defaults.node24);
fs.mkdirSync(out, { recursive: true });
const examples = copyToTemp(path.join(repoRoot, 'examples'));

/** The `data:` images the editor's decorations draw (an `::after` whose content is an image), by line top. */
const decorationImages = () =>
  [...document.querySelectorAll('.monaco-editor .view-lines span')]
    .map((el) => getComputedStyle(el, '::after').content)
    .filter((c) => c.startsWith('url("data:image/svg+xml'));

let server,
  browser,
  page,
  code = 1;
try {
  ({ server, browser, page } = await openWorkbench({
    theme,
    folder: examples,
    viewport: { width: 1280, height: 760 },
    settings: { 'editor.fontSize': 15, 'editor.stickyScroll.enabled': false },
  }));
  await openFileAlone(page, file);
  step('opened examples/equations.md');

  // The cursor inside the integral's formula: its rendering appears at the end of its last line.
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(page, 26, 10);
  const deadline = Date.now() + 240_000;
  while ((await page.evaluate(decorationImages)).length === 0) {
    if (Date.now() > deadline) throw new Error('no math decoration in the editor');
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, `editor-math-${theme}.png`) });
  step(`screenshot: editor-math-${theme}.png`);

  // Find All References, peeked, on the label of (1).
  await goTo(page, 11, 20);
  await page.keyboard.press('Shift+F12');
  await page.locator('.peekview-widget .monaco-list-row').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(800);
  const rows = await page.locator('.peekview-widget .monaco-list-row').count();
  step(`peek shows ${rows} rows`);
  await page.screenshot({ path: path.join(out, `references-${theme}.png`) });
  step(`screenshot: references-${theme}.png`);
  code = 0;
} catch (e) {
  console.error('[shot] error:', (e && e.stack) || e);
  await page?.screenshot({ path: path.join(out, `editor-math-${theme}-error.png`) }).catch(() => {});
} finally {
  if (browser) await browser.close();
  if (server) server.cleanup();
  fs.rmSync(examples, { recursive: true, force: true });
}
process.exit(code);
