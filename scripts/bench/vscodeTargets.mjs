// Issue 18's table for `npm run bench:vscode`: the built-in preview and Mathdown side by side on the
// rows of the issue, each with the ratio its target sets and PASS/FAIL (a row without a target is
// information). Kept apart from vscode.mjs so that it can be rebuilt from bench/vscode.json.

/** [document, figure, label, target ratio (Mathdown / built-in) or undefined for information]. */
export const ROWS = [
  ['note', 'openMs', '12 KB lecture note: first open (command → target formula visible)', undefined],
  ['note', 'ms', '12 KB lecture note: keystroke → DOM updated (median)', 0.25],
  ['reference', 'openMs', '1 MB notes: first open (command → target formula visible)', 0.35],
  ['reference', 'ms', '1 MB notes: keystroke → DOM updated (median)', 0.05],
];

const fmt = (v) => (v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

/**
 * Markdown rows `| row | built-in | Mathdown | ratio | target | verdict |` from a bench:vscode result;
 * `targets` replaces a row's target ratio (`{ note: { ms: 0.5 } }`: issue 15's for the browser build).
 */
export function targetRows(results, targets = {}) {
  const lines = ['| document | built-in preview (KaTeX) | Mathdown | ratio | target | verdict |', '|---|---:|---:|---:|---:|---|'];
  for (const [doc, figure, label, rowTarget] of ROWS) {
    const target = targets[doc]?.[figure] ?? rowTarget;
    const b = results.builtin?.[doc]?.[figure];
    const m = results.mathdown?.[doc]?.[figure];
    const lowerBound = figure === 'ms' && results.builtin?.[doc]?.timedOut ? '≥ ' : '';
    const ratio = b && m !== undefined ? m / b : undefined;
    const verdict = ratio === undefined ? 'not measured' : target === undefined ? '(info)' : ratio <= target ? 'PASS' : 'FAIL';
    lines.push(
      `| ${label} | ${lowerBound}${fmt(b)} | ${fmt(m)} | ${ratio === undefined ? '–' : `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}×`} | ${target === undefined ? '–' : `≤ ${target}×`} | ${verdict} |`,
    );
  }
  lines.push('| 10 MB document: first screen | – | not measured by bench:vscode yet (the integration suite opens it) | | ≤ 2× the 1 MB first screen | not measured |');
  return lines.join('\n');
}
