// Driving code-server's workbench page the way a user does: the command palette and Go to Line.
// Shared by the screenshot scripts in test/e2e and the benchmarks in scripts/bench.

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
