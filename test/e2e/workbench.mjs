// Driving code-server's workbench page the way a user does: the command palette and Go to Line.
// Shared by the screenshot scripts in test/e2e and the benchmarks in scripts/bench.
import { defaults, launchChromium, repoRoot, startCodeServer, workbenchUrl } from './lib.mjs';

/**
 * Runs a command by its title from the palette (F1). `optional`: a command the workbench may not
 * have (a view that is not there) is skipped after a short look instead of failing.
 */
export async function runFromPalette(page, title, { optional = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  try {
    await row.waitFor({ timeout: optional ? 5000 : undefined });
  } catch (e) {
    if (!optional) throw e;
    await page.keyboard.press('Escape');
    return;
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Moves the active editor's cursor with Go to Line (Ctrl+G), `column` optional. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * For the README's pictures: code-server with a picture's settings (the theme, no minimap, activity
 * bar or layout control; `settings` add to them), headless Chromium in the same colour scheme, and
 * the workbench on `folder` with this checkout's Mathdown loaded. Cleans up itself if a step fails.
 * Shared by the UI test (test/e2e/uiDrive.mjs) and the picture scripts.
 */
export async function openWorkbench({
  theme,
  folder,
  viewport,
  settings = {},
  codeServer = defaults.codeServer,
  node24 = defaults.node24,
}) {
  const server = await startCodeServer({
    codeServer,
    node24,
    settings: {
      'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern',
      'editor.minimap.enabled': false,
      'workbench.activityBar.location': 'hidden',
      'workbench.layoutControl.enabled': false,
      ...settings,
    },
  });
  let browser;
  try {
    browser = await launchChromium({ colorScheme: theme === 'dark' ? 'dark' : 'light', viewport });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot }), {
      waitUntil: 'domcontentloaded',
      timeout: 180_000,
    });
    await page.locator('.monaco-workbench').waitFor();
    return { server, browser, page };
  } catch (e) {
    await browser?.close();
    server.cleanup();
    throw e;
  }
}

/** Opens `file` from the explorer, then closes the side bars so that the editor (and a preview) have the window. */
export async function openFileAlone(page, file) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row:has-text("${file}")`).first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tabs-container .tab:has-text("${file}")`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
  await runFromPalette(page, 'View: Close Primary Side Bar', { optional: true });
  await runFromPalette(page, 'View: Close Secondary Side Bar', { optional: true });
}
