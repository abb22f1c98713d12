#!/usr/bin/env node
// End-to-end UI test: opens examples/showcase.md in code-server's real workbench, runs
// "Mathdown: Open Preview to the Side" from the command palette, waits for the typeset SVG math
// inside the webview and saves a PNG screenshot. Then runs "Developer: Reload Window" and waits
// for VS Code to revive the preview through the extension's WebviewPanelSerializer, with the same
// math in it, and saves a second screenshot (`-reloaded` before `.png`).
//
//   node test/e2e/uiDrive.mjs [--theme light|dark] [--screenshot test-artifacts/showcase-ui.png]
//     [--file showcase.md] [--folder examples] [--min-svg 10] [--line N] [--web]
// --web runs the browser build (package.json "browser") in the web worker extension host, as the
// test profile's remote.extensionKind setting sends it there (see runExtensionTests.mjs --web).
// --line N moves the editor's cursor to line N before the picture; the preview follows it.
// Exit code 0 when the preview shows at least --min-svg formulas and at least one error box, before
// and after the reload, and every formula both times (typeset or as an error box: on a loaded
// machine a formula may run into the typesetter's timeout once and not the other time).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { argv, copyToTemp, defaults, repoRoot, requireToolchain } from './lib.mjs';
import { goTo, openWorkbench, runFromPalette } from './workbench.mjs';

const t0 = Date.now();
const step = (m) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);
const theme = argv('theme', 'light');
const file = argv('file', 'showcase.md');
const command = 'Mathdown: Open Preview to the Side';
const shot = path.resolve(argv('screenshot', path.join(repoRoot, 'test-artifacts', `showcase-ui-${theme}.png`)));
const reloadedShot = shot.replace(/(\.png)?$/, '-reloaded.png');
const minSvg = Number(argv('min-svg', '10'));
const codeServer = argv('code-server', defaults.codeServer);
const node24 = argv('node24', defaults.node24);
requireToolchain(codeServer, node24);
fs.mkdirSync(path.dirname(shot), { recursive: true });
const folder = copyToTemp(path.resolve(argv('folder', path.join(repoRoot, 'examples'))));

/** How many formulas the document has, as Mathdown's scanner reads it (the CLI's `formulas`). */
const formulaCount = execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'formulas', path.join(folder, file)], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean).length;

/**
 * Waits until the preview shows each of the document's formulas, typeset or as an error box (a
 * loaded machine may take minutes), and returns the two counts.
 */
async function everyFormulaShown(inner) {
  const count = async () => ({
    svgs: await inner.locator('mjx-container > svg').count(),
    errors: await inner.locator('.mathdown-error').count(),
  });
  const until = Date.now() + 240_000;
  for (;;) {
    const c = await count();
    if (c.svgs + c.errors >= formulaCount || Date.now() > until) return c;
    await new Promise((r) => setTimeout(r, 200));
  }
}

let server,
  browser,
  page,
  code = 1;
try {
  ({ server, browser, page } = await openWorkbench({
    theme,
    folder,
    viewport: { width: 1600, height: 1000 },
    settings: {
      'breadcrumbs.enabled': false,
      ...(process.argv.includes('--web') ? { 'remote.extensionKind': { 'mathdown.mathdown': ['web'] } } : {}),
    },
    codeServer,
    node24,
  }));
  step(`code-server up on ${server.base}`);
  step('workbench loaded');

  const row = page
    .locator(`.explorer-folders-view .monaco-list-row[aria-label="${file}"], .explorer-folders-view .monaco-list-row:has-text("${file}")`)
    .first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tabs-container .tab:has-text("${file}")`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  step(`opened ${file}`);

  await page.locator('.monaco-editor .view-lines').first().click();
  await runFromPalette(page, 'View: Close Primary Side Bar', { optional: true });
  await runFromPalette(page, 'View: Close Secondary Side Bar', { optional: true });
  await page.locator('.monaco-editor .view-lines').first().click();
  await runFromPalette(page, command);
  step(`ran "${command}" from the command palette`);

  // A webview is an outer iframe served by the workbench plus an inner #active-frame.
  const inner = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await inner.locator('mjx-container svg').first().waitFor();
  await inner.locator('.mathdown-error').first().waitFor();
  const { svgs, errors } = await everyFormulaShown(inner);
  if (argv('line')) {
    const scrolled = () => inner.locator('body').evaluate((body) => body.ownerDocument.scrollingElement?.scrollTop ?? 0);
    const before = await scrolled();
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(page, argv('line'));
    // The preview follows the cursor when its scroll sync gets there; the picture is taken either way.
    const until = Date.now() + 30_000;
    while ((await scrolled()) === before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    step(`moved the editor to line ${argv('line')}`);
  }
  step(`preview shows ${svgs} typeset formulas and ${errors} error box(es)`);
  // The page's workers: the web worker extension host, and with --web Mathdown's own in it (blob: URLs).
  step(
    `workers: ${
      page
        .workers()
        .map((w) => w.url().replace(/^(blob:[^/]+\/\/[^/]+\/).*/, '$1…'))
        .join(', ') || 'none'
    }`,
  );
  await page.screenshot({ path: shot });
  step(`screenshot: ${path.relative(process.cwd(), shot)}`);
  const expectEnough = (s, e) => {
    if (s < minSvg || e < 1) throw new Error(`expected at least ${minSvg} formulas and one error box`);
  };
  expectEnough(svgs, errors);

  // The workbench page loads anew; VS Code restores the editors and hands the preview panel, with
  // the state the webview saved, to the serializer the extension registered.
  const reloaded = page.waitForEvent('load', { timeout: 180_000 });
  await runFromPalette(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.monaco-workbench').waitFor();
  step('workbench reloaded');
  // The extension host starts afresh (its typesetting cache is gone): give it time on a busy machine.
  await page.locator(`.tabs-container .tab:has-text("Mathdown: ${file}")`).first().waitFor({ timeout: 240_000 });
  // Locators query afresh: these find the revived webview's frames.
  await inner.locator('mjx-container svg').first().waitFor({ timeout: 240_000 });
  await inner.locator('.mathdown-error').first().waitFor();
  const { svgs: svgsAfter, errors: errorsAfter } = await everyFormulaShown(inner);
  step(`revived preview shows ${svgsAfter} typeset formulas and ${errorsAfter} error box(es)`);
  await page.screenshot({ path: reloadedShot });
  step(`screenshot: ${path.relative(process.cwd(), reloadedShot)}`);
  expectEnough(svgsAfter, errorsAfter);
  if (svgs + errors !== formulaCount) throw new Error(`the preview shows ${svgs + errors} of the document's ${formulaCount} formulas`);
  if (svgsAfter + errorsAfter !== svgs + errors)
    throw new Error(`the revived preview shows ${svgsAfter + errorsAfter} formulas, before the reload ${svgs + errors}`);
  code = 0;
} catch (e) {
  console.error('[ui] error:', (e && e.stack) || e);
  try {
    if (page) await page.screenshot({ path: shot.replace(/\.png$/, '-error.png') });
  } catch {
    /* no picture then */
  }
} finally {
  if (browser) await browser.close();
  if (server) server.cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
  console.log(`ui: ${code === 0 ? 1 : 0} passed, ${code === 0 ? 0 : 1} failed`);
  setTimeout(() => process.exit(code), 800);
}
