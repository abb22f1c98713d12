// Save → Problems panel updated, in the real VS Code (issue 18): with the cursor inside a formula,
// an undefined TeX command is typed (or, in the next sample, removed again), the file saved with
// Ctrl+S, and the time taken until the status bar's problem count shows the new diagnostic (or its
// absence). Mathdown lints on save by default, so the count changes only through the save.
const UNDEFINED = '\\zzundefined ';

/** The workbench's problem count as the status bar shows it (its accessible label). */
function problemsLabel() {
  const item = document.querySelector('[id="status.problems"]');
  const a = item?.querySelector('a') ?? item;
  return a ? `${a.getAttribute('aria-label') ?? ''}|${a.textContent ?? ''}` : null;
}

/**
 * `samples` saves, alternately adding and removing the undefined command at the cursor; each timed
 * from the Ctrl+S keydown to the status bar's change. Returns { ms (median), samples, gaveUp }.
 */
export async function saveToProblems(page, { samples = 3, timeoutMs = 120_000, log = () => {} } = {}) {
  const out = [];
  for (let k = 0; k < samples; k++) {
    const before = await page.evaluate(problemsLabel);
    if (k % 2 === 0) await page.keyboard.type(UNDEFINED);
    else for (let i = 0; i < UNDEFINED.length; i++) await page.keyboard.press('Backspace');
    // The typed change alone must not move the count (lint runs on save): give the host a moment to show it if it did.
    await new Promise((r) => setTimeout(r, 1500));
    if ((await page.evaluate(problemsLabel)) !== before) {
      log('the problem count changed before the save (is mathdown.lint.run onType?); not timed');
      return { ms: undefined, samples: out, gaveUp: true };
    }
    const saved = Date.now();
    await page.keyboard.press('Control+S');
    let changed;
    while (Date.now() - saved < timeoutMs) {
      if ((await page.evaluate(problemsLabel)) !== before) {
        changed = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (changed === undefined) {
      log(`save ${k + 1}: the problem count did not change within ${timeoutMs / 1000} s`);
      return { ms: undefined, samples: out, gaveUp: true };
    }
    out.push(changed - saved);
    log(`save ${k + 1}/${samples} → Problems updated in ${changed - saved} ms (${await page.evaluate(problemsLabel)})`);
  }
  const sorted = [...out].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)], samples: out, gaveUp: false };
}
