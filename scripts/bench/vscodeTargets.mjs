// Issue 18's table for `npm run bench:vscode`: the built-in preview and Mathdown side by side on the
// rows of the issue, each with the ratio its target sets and PASS/FAIL (a row without a target is
// information). Kept apart from vscode.mjs so that it can be rebuilt from bench/vscode.json.

/**
 * Rows comparing the two previews: [document case, figure, label, target ratio (Mathdown / built-in)
 * or undefined for information]. The cases are vscode.mjs's --docs: `reference` opens the preview
 * right after the file, `settled` once the window has settled, `huge` is the 10 MB document.
 */
export const ROWS = [
  ['note', 'openMs', '12 KB lecture note: first open (command → target formula visible)', undefined],
  ['note', 'ms', '12 KB lecture note: keystroke → DOM updated (median)', 0.25],
  ['reference', 'openMs', '1 MB notes: first open right after the file opened (command → target formula visible)', 0.35],
  ['settled', 'openMs', '1 MB notes: first open with the window settled (command ≥ 30 s after the file opened, host idle)', 0.1],
  ['reference', 'ms', '1 MB notes: keystroke → DOM updated (median)', 0.05],
  ['huge', 'openMs', '10 MB integration document: first screen, right after the file opened (built-in: given up at the cap)', undefined],
];

const fmt = (v) => (v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = (v) => (v === undefined ? '–' : `${Math.round(v)} MB`);
const times = (r) => (r === undefined ? '–' : `${r.toFixed(r < 0.1 ? 3 : 2)}×`);
const verdictOf = (value, limit) => (value === undefined ? 'not measured' : limit === undefined ? '(info)' : value <= limit ? 'PASS' : 'FAIL');

/** `≥ ` when the figure is a lower bound (the preview had not shown it when the bench gave up). */
const bound = (r, figure) => ((figure === 'ms' && r?.timedOut) || (figure === 'openMs' && r?.openTimedOut) ? '≥ ' : '');

/**
 * Markdown rows `| row | built-in | Mathdown | ratio | target | verdict |` from a bench:vscode result;
 * `targets` replaces a row's target ratio (`{ note: { ms: 0.5 } }`: issue 15's for the browser build).
 */
export function targetRows(results, targets = {}) {
  const lines = ['| document | built-in preview (KaTeX) | Mathdown | ratio | target | verdict |', '|---|---:|---:|---:|---:|---|'];
  for (const [doc, figure, label, rowTarget] of ROWS) {
    const target = targets[doc]?.[figure] ?? rowTarget;
    const br = results.builtin?.[doc];
    const mr = results.mathdown?.[doc];
    const b = br?.[figure];
    const m = mr?.[figure];
    const ratio = b && m !== undefined ? m / b : undefined;
    // A built-in figure that is a lower bound makes the ratio an upper bound, which can still pass.
    lines.push(`| ${label} | ${bound(br, figure)}${fmt(b)} | ${bound(mr, figure)}${fmt(m)} | ${bound(br, figure) ? '≤ ' : ''}${times(ratio)} | ${target === undefined ? '–' : `≤ ${target}×`} | ${verdictOf(bound(mr, figure) ? undefined : ratio, target)} |`);
  }
  // The 10 MB document against the 1 MB one, both Mathdown in the same conditions (right after opening).
  const huge = results.mathdown?.huge;
  const ref = results.mathdown?.reference;
  const hugeRatio = huge?.openMs !== undefined && ref?.openMs ? huge.openMs / ref.openMs : undefined;
  lines.push(`| 10 MB first screen / 1 MB first screen, Mathdown (both right after the file opened) | – | ${fmt(huge?.openMs)} / ${fmt(ref?.openMs)} | ${times(hugeRatio)} | ≤ 2× | ${verdictOf(huge?.openTimedOut ? undefined : hugeRatio, 2)} |`);
  // Memory: the extension host's RSS (Mathdown's worker threads included) as each row found it; the
  // target is the issue's "with the document open, preview and lint on" (the peak is shown beside it).
  for (const [doc, label, limit] of [
    ['reference', '1 MB notes', 400],
    ['huge', '10 MB document', undefined],
  ]) {
    const b = results.builtin?.[doc];
    const m = results.mathdown?.[doc];
    const alone = results.editor?.[doc]?.rss;
    if (alone)
      lines.push(`| extension host RSS, ${label} open in the editor alone (no preview, Mathdown not loaded): VS Code's own share, 30 s after opening | ${mb(alone.steadyMB)} (before opening ${mb(alone.beforeMB)}, peak ${mb(alone.peakMB)}) | – | – | – | baseline |`);
    if (!b?.rss && !m?.rss) continue;
    const cell = (r) =>
      !r?.rss
        ? '–'
        : r.openTimedOut
          ? `peak ${mb(r.rss.peakMB)} until given up (before opening ${mb(r.rss.beforeMB)})`
          : `${mb(r.rss.openMB)} (before opening ${mb(r.rss.beforeMB)}, peak ${mb(r.rss.peakMB)}${r.rss.settled ? '' : ', host not idle yet'})`;
    lines.push(`| extension host RSS, ${label} open, right when preview (and Mathdown's lint) are done | ${cell(b)} | ${cell(m)} | – | report | info |`);
    const steady = (r) => (r?.rss?.steadyMB === undefined ? '–' : `${mb(r.rss.steadyMB)}${r.rss.steadySettled ? '' : ', host not idle'}`);
    lines.push(`| extension host RSS, ${label} open, 30 s later (the document being read) | ${steady(b)} | ${steady(m)} | – | ${limit === undefined ? 'report' : `≤ ${limit} MB`} | ${limit === undefined ? 'info' : verdictOf(m?.rss?.steadyMB, limit)} |`);
  }
  const save = results.mathdown?.reference?.save;
  if (save) {
    lines.push(`| 1 MB notes: save → Problems panel updated (median of ${save.samples.length}; samples ${save.samples.map(fmt).join(', ')}) | – | ${fmt(save.ms)} | – | < 1 s | ${save.ms === undefined ? 'not measured' : save.ms < 1000 ? 'PASS' : 'FAIL'} |`);
  }
  return lines.join('\n');
}
