#!/usr/bin/env node
// Screenshot for the README (docs/screenshots/copy-menu-<theme>.png): examples/showcase.md in
// code-server's real workbench with Mathdown's preview beside it, and VS Code's context menu opened
// by a right-click on a formula in the preview, showing Copy TeX / Copy MathML / Copy SVG. Exit code
// 0 when the menu listed the three copies.
//   node test/e2e/copyMenuShot.mjs [--theme light|dark] [--out docs/screenshots]
import fs from 'node:fs';
import path from 'node:path';
import { argv, copyToTemp, defaults, launchChromium, repoRoot, requireToolchain, startCodeServer, workbenchUrl } from './lib.mjs';
import { runFromPalette } from './workbench.mjs';

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
  server = await startCodeServer({
    codeServer: defaults.codeServer,
    node24: defaults.node24,
    settings: {
      'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern',
      'editor.minimap.enabled': false,
      'workbench.activityBar.location': 'hidden',
      'workbench.layoutControl.enabled': false,
      'breadcrumbs.enabled': false,
    },
  });
  browser = await launchChromium({ colorScheme: theme === 'dark' ? 'dark' : 'light', viewport: { width: 1280, height: 760 } });
  page = await browser.context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(workbenchUrl(server, { folder: examples, extensionDevelopmentPath: repoRoot }), {
    waitUntil: 'domcontentloaded',
    timeout: 180_000,
  });
  await page.locator('.monaco-workbench').waitFor();
  const row = page.locator(`.explorer-folders-view .monaco-list-row:has-text("${file}")`).first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tabs-container .tab:has-text("${file}")`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
  await runFromPalette(page, 'View: Close Primary Side Bar', { optional: true });
  await runFromPalette(page, 'View: Close Secondary Side Bar', { optional: true });
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
