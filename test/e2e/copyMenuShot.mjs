#!/usr/bin/env node
// Screenshot for the README (docs/screenshots/copy-menu-<theme>.png): examples/showcase.md in
// code-server's real workbench with Mathdown's preview beside it, and VS Code's context menu opened
// by a right-click on a formula in the preview, showing Copy TeX / Copy MathML / Copy SVG. Exit code
// 0 when the menu listed the three copies.
//   node test/e2e/copyMenuShot.mjs [--theme light|dark] [--out docs/screenshots]
import fs from 'node:fs';
import path from 'node:path';
import { argv, copyToTemp, defaults, repoRoot, requireToolchain } from './lib.mjs';
import { openFileAlone, openWorkbench, runFromPalette } from './workbench.mjs';

const t0 = Date.now();
const step = (m) => console.log(`[shot ${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);
const theme = argv('theme', 'light');
const out = path.resolve(argv('out', path.join(repoRoot, 'docs', 'screenshots')));
const file = 'showcase.md';
const COPIES = ['Copy TeX', 'Copy MathML', 'Copy SVG'];
requireToolchain(defaults.codeServer, defaults.node24);
fs.mkdirSync(out, { recursive: true });
const examples = copyToTemp(path.join(repoRoot, 'examples'));

let server,
  browser,
  page,
  code = 1;
try {
  ({ server, browser, page } = await openWorkbench({
    theme,
    folder: examples,
    viewport: { width: 1280, height: 760 },
    settings: { 'breadcrumbs.enabled': false },
  }));
  await openFileAlone(page, file);
  await page.locator('.monaco-editor .view-lines').first().click();
  await runFromPalette(page, 'Mathdown: Open Preview to the Side');
  step('preview opened');

  // A display formula a few lines down, so that the menu opens over the preview's text.
  const inner = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const formula = inner.locator('mjx-container[display="true"]').first();
  await formula.waitFor({ timeout: 240_000 });
  await formula.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu, .monaco-menu-container .monaco-menu').first();
  await menu.waitFor();
  for (const label of COPIES) await menu.locator('.action-label', { hasText: label }).first().waitFor();
  step('context menu lists the three copies');
  const shot = path.join(out, `copy-menu-${theme}.png`);
  await page.screenshot({ path: shot });
  step(`screenshot: ${path.relative(process.cwd(), shot)}`);
  code = 0;
} catch (e) {
  console.error('[shot] error:', (e && e.stack) || e);
  await page?.screenshot({ path: path.join(out, `copy-menu-${theme}-error.png`) }).catch(() => {});
} finally {
  if (browser) await browser.close();
  if (server) server.cleanup();
  fs.rmSync(examples, { recursive: true, force: true });
}
process.exit(code);
