// Issue 21's row of `npm run bench:vscode`: a notebook of 200 Markdown cells and 2,000 formulas,
// opened from the explorer, timed until the Markdown cells in view show their math, with Mathdown's
// notebook renderer against VS Code's built-in one (markdown-math, KaTeX) in the same run:
//   node scripts/bench/vscode.mjs --docs notebook[,notebook-md]
// The built-in row runs in a workbench without Mathdown (no extensionDevelopmentPath): with Mathdown
// loaded and `mathdown.notebook.renderer` off, every cell would still wait for Mathdown's answer
// that it is off, which is not the built-in renderer's time. The notebook's webview is one frame for
// all its cells (each Markdown cell drawn in a shadow root of a `.preview` element), not the
// Markdown preview's frame that vscodeFrame.mjs watches. Writes bench/RESULTS-vscode-notebook.md and
// bench/vscode-notebook.json.
// markdownRowsInView and drawnCells run in the page (serialised by Playwright).
/* global document, getComputedStyle */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './stats.mjs';

export const NOTEBOOK_DOC = 'notebook';
const CELLS = 200;
const FORMULAS_PER_CELL = 10;
/** The `.md` first-open target of issue 18 (vscodeTargets.mjs: 1 MB notes, first open), which the issue asks of notebooks too. */
export const NOTEBOOK_TARGET = 0.35;

/**
 * The workbench's settings for the notebook rows: a click on the .ipynb opens the notebook editor
 * (opened while the workbench is still starting, it may otherwise come up as JSON text).
 */
export const NOTEBOOK_SETTINGS = { 'workbench.editorAssociations': { '*.ipynb': 'jupyter-notebook' } };

export const NOTEBOOK_KINDS = {
  builtin: { label: "VS Code's built-in notebook renderer (markdown-math, KaTeX)", withMathdown: false },
  mathdown: { label: "Mathdown's notebook renderer (MathJax SVG)", withMathdown: true },
};

/** One Markdown cell: prose, 8 inline formulas and 2 display ones (one numbered), all in KaTeX's vocabulary too. */
function cellSource(c) {
  const n = (k) => c * FORMULAS_PER_CELL + k;
  const inline = Array.from({ length: 8 }, (_, k) => `$x_{${n(k)}} + \\frac{a_{${k}}}{b^{${k + 2}}}$`);
  return [
    `## Cell ${c}`,
    '',
    `Let ${inline.slice(0, 4).join(', ')} be given, and ${inline.slice(4).join(', ')} the others.`,
    '',
    `$$\\sum_{k=1}^{${n(8)}} k^2 = \\frac{n(n+1)(2n+1)}{6}$$`,
    '',
    '\\begin{equation}',
    `\\int_0^{${n(9)}} e^{-t^2}\\,dt \\le \\sqrt{\\pi}`,
    '\\end{equation}',
    '',
  ].join('\n');
}

/** Writes `notebook.ipynb` (nbformat 4) into `folder`; returns it as bench:vscode's documents are described. */
export function writeNotebook(folder) {
  const cells = Array.from({ length: CELLS }, (_, c) => ({ cell_type: 'markdown', metadata: {}, source: cellSource(c) }));
  const json = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: 'python' } }, cells }, null, 1);
  const file = path.join(folder, `${NOTEBOOK_DOC}.ipynb`);
  fs.writeFileSync(file, json);
  return { file, bytes: Buffer.byteLength(json), count: CELLS * FORMULAS_PER_CELL, cells: CELLS };
}

/** The companion row: the notebook's Markdown cells as one `.md` document, its preview's first open compared in the same run. */
export const NOTEBOOK_MD_DOC = 'notebook-md';

/**
 * Writes the same cells, one after another, as `notebook-md.md`; returns it with its first formula
 * as the preview's target (the reader at the top, as a notebook opens).
 */
export function writeNotebookMarkdown(folder) {
  const text = Array.from({ length: CELLS }, (_, c) => cellSource(c)).join('\n');
  const file = path.join(folder, `${NOTEBOOK_MD_DOC}.md`);
  fs.writeFileSync(file, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('Let $'));
  const open = lines[line].indexOf('$') + 1;
  const target = { formulaIndex: 0, line: line + 1, column: open + 1, before: lines[line].slice(open, lines[line].indexOf('$', open)), after: '' };
  return { file, bytes: Buffer.byteLength(text), count: CELLS * FORMULAS_PER_CELL, target };
}

/** In the workbench page: the notebook's Markdown cell rows inside the list's viewport. */
function markdownRowsInView() {
  const list = document.querySelector('.notebook-editor .monaco-list');
  if (!list) return 0;
  const view = list.getBoundingClientRect();
  // A Markdown row may measure 0 px high (its content is drawn in the webview above the list): its top places it.
  return [...list.querySelectorAll('.monaco-list-row.markdown-cell-row')].filter((row) => {
    const r = row.getBoundingClientRect();
    return r.bottom >= view.top && r.top < view.bottom;
  }).length;
}

/**
 * In the notebook's webview frame: the Markdown cells placed in the notebook (a cell drawn ahead
 * waits at a negative offset), in notebook order, whether each is shown with typeset math.
 */
function drawnCells(kind) {
  const previews = [...document.querySelectorAll('.preview')]
    .filter((p) => parseFloat(p.style.top) >= 0)
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
  return previews.map((p) => {
    const root = p.shadowRoot;
    if (!root || getComputedStyle(p).visibility === 'hidden') return false;
    if (kind === 'mathdown') return root.querySelectorAll('mjx-container').length > 0 && !root.querySelector('.mathdown-pending');
    return root.querySelectorAll('.katex').length > 0;
  });
}

async function notebookFrame(page, timeoutMs) {
  const outer = await (await page.waitForSelector('iframe.webview.ready', { timeout: timeoutMs })).contentFrame();
  return (await outer.waitForSelector('#active-frame', { timeout: timeoutMs })).contentFrame();
}

/**
 * Opens the notebook from the explorer and times it until the Markdown cells in view (as many as
 * the notebook list shows) are drawn with their math, then waits for the page to stay so.
 */
export async function measureNotebook(page, kind, { log, openTimeoutMs }) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row:has-text("${NOTEBOOK_DOC}.ipynb")`).first();
  await row.waitFor();
  const opened = Date.now();
  await row.click();
  const until = opened + openTimeoutMs;
  let frame;
  let shownAt;
  let inView = 0;
  // Seen from the page (both workbenches): the notebook's webview frame, and its first cell drawn at all.
  const seen = {};
  for (;;) {
    if (Date.now() > until) throw new Error(`timed out after ${openTimeoutMs / 1000} s waiting for the notebook's cells in view to show math`);
    try {
      if (!frame || frame.isDetached()) frame = await notebookFrame(page, Math.max(1, until - Date.now()));
      seen.webviewFrame ??= Date.now();
      const drawn = await frame.evaluate(drawnCells, kind);
      if (drawn.length) seen.firstCellDrawn ??= Date.now();
      inView = await page.evaluate(markdownRowsInView);
      if (inView > 0 && drawn.length >= inView && drawn.slice(0, inView).every(Boolean)) {
        shownAt = Date.now();
        break;
      }
    } catch (e) {
      if (!/detached|destroyed|navigat|Target closed/i.test(String(e?.message ?? e))) throw e;
      frame = undefined;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const openMs = shownAt - opened;
  log(`${kind} ${NOTEBOOK_DOC}: ${inView} Markdown cells in view shown with math ${openMs} ms after the click`);
  // Mathdown's own record of its steps (src/webview/notebook/index.ts), as ms after the click; when
  // the cells in view were painted by the webview itself, the extension's answer is waited for too.
  const readPhases = () => frame.evaluate(() => globalThis.__mathdownNotebookPhases ?? {}).catch(() => ({}));
  let recorded = await readPhases();
  for (const patchedBy = Date.now() + 120_000; kind === 'mathdown' && recorded.cellsPatched === undefined && Date.now() < patchedBy; ) {
    await new Promise((r) => setTimeout(r, 100));
    recorded = await readPhases();
  }
  const phases = Object.fromEntries(
    Object.entries({ ...seen, ...recorded })
      .map(([name, at]) => [name, at - opened])
      .filter(([, ms]) => ms >= 0)
      .sort((a, b) => a[1] - b[1]),
  );
  log(`${kind} ${NOTEBOOK_DOC} phases (ms after the click): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return { openMs, cellsInView: inView, phases };
}

/** A notebook row's samples so far with `sample` added: the median open time, every sample kept. */
export function addNotebookSample(row, sample) {
  const samples = [...(row?.samples ?? []), sample];
  return { openMs: median(samples.map((x) => x.openMs)), cellsInView: sample.cellsInView, samples };
}

const fmt = (v) => (v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

/**
 * With `--docs notebook,notebook-md`: the same cells as one `.md` file in the Markdown previews (command →
 * first formula shown), the ratio the preview meets on this content in the same run.
 */
function mdRow(results) {
  const b = results.builtin?.[NOTEBOOK_MD_DOC];
  const m = results.mathdown?.[NOTEBOOK_MD_DOC];
  if (!b && !m) return [];
  const ratio = b?.openMs && m?.openMs !== undefined ? `${(m.openMs / b.openMs).toFixed(2)}×` : '–';
  return [
    `| the same cells as one .md file in the Markdown preview: first open (command → first formula shown), one sample | ${fmt(b?.openMs)} | ${fmt(m?.openMs)} | ${ratio} | (the ratio the preview meets on this content) | (info) |`,
    '',
  ];
}

/** Prints (and with `write`, writes) the notebook rows of a bench:vscode run. */
export function notebookReport(results, { env, doc, write, repoRoot, log }) {
  const b = results.builtin?.[NOTEBOOK_DOC];
  const m = results.mathdown?.[NOTEBOOK_DOC];
  const ratio = b?.openMs && m?.openMs !== undefined ? m.openMs / b.openMs : undefined;
  const verdict = ratio === undefined ? 'not measured' : ratio <= NOTEBOOK_TARGET ? 'PASS' : 'FAIL';
  const errors = Object.entries(results.errors).filter(([k]) => k.endsWith(`/${NOTEBOOK_DOC}`));
  const lines = [
    "# Mathdown in the real VS Code: a notebook's first open (issue 21)",
    '',
    `Generated by \`node scripts/bench/vscode.mjs --docs ${results.builtin?.[NOTEBOOK_MD_DOC] || results.mathdown?.[NOTEBOOK_MD_DOC] ? 'notebook,notebook-md' : 'notebook'}\` (scripts/bench/vscodeNotebook.mjs) on ${env.date}: code-server + headless Chromium, Node ${env.node}, ${env.cpu}, ${env.cpus} CPUs, load average ${env.load} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
    `A notebook of ${doc.cells} Markdown cells and ${doc.count} formulas (${(doc.bytes / 1024).toFixed(0)} KB; 8 inline formulas, a display formula and a numbered equation per cell), opened from the explorer in a fresh workbench, timed from the click to the moment every Markdown cell in view (as many as the notebook list shows) is drawn with its math: KaTeX's for the built-in renderer (a workbench without Mathdown), MathJax SVG for Mathdown's (no cell still waiting for its HTML: painted by the notebook webview's own MathJax or by the extension's answer, whichever comes first). Median of ${Math.max(b?.samples?.length ?? 0, m?.samples?.length ?? 0)} samples each (a fresh workbench each, the two renderers alternating): ${['builtin', 'mathdown'].map((k) => `${k === 'builtin' ? 'built-in' : 'Mathdown'} ${(results[k]?.[NOTEBOOK_DOC]?.samples ?? []).map((x) => fmt(x.openMs)).join(', ') || '–'}`).join('; ')}.`,
    '',
    '| document | built-in renderer (KaTeX) | Mathdown | ratio | target | verdict |',
    '|---|---:|---:|---:|---:|---|',
    `| notebook, ${doc.cells} Markdown cells, ${doc.count} formulas: first open (click → cells in view show math) | ${fmt(b?.openMs)} | ${fmt(m?.openMs)} | ${ratio === undefined ? '–' : `${ratio.toFixed(2)}×`} | ≤ ${NOTEBOOK_TARGET}× (the .md first-open target) | ${verdict} |`,
    '',
    ...mdRow(results),
    `Cells in view: ${b?.cellsInView ?? '–'} (built-in), ${m?.cellsInView ?? '–'} (Mathdown).`,
    '',
    'Phases, ms after the click (`webviewFrame`: the notebook\'s webview frame is up; `firstCellDrawn`: its first Markdown cell is drawn at all, by either renderer; the others are Mathdown\'s own record: `rendererActivated`, `painterLoaded` (dist/notebookPaint.js imported), `painterWarm` (MathJax set up in its worker), `firstCellRendered` (its md.render first called), `localPainted` (the first cell painted by the webview\'s own MathJax), `extension.*` (the extension: `extensionStarted` its notebook service created, `renderAsked` the first cell asked for, `typesetStarted`, `firstPosted` the cells in view sent, `wholePosted` the whole notebook sent), `cellsReceived`, `cellsPatched`):',
    '',
    ...['builtin', 'mathdown'].flatMap((k) =>
      (results[k]?.[NOTEBOOK_DOC]?.samples ?? []).map(
        (x, i) => `- ${k === 'builtin' ? 'built-in' : 'Mathdown'}, sample ${i + 1}: ${Object.entries(x.phases ?? {}).map(([n, ms]) => `${n} ${ms}`).join(', ') || '–'}`,
      ),
    ),
    ...errors.map(([k, e]) => `- ${k} not measured: ${e}`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (!write) return;
  fs.mkdirSync(path.join(repoRoot, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'bench/RESULTS-vscode-notebook.md'), lines.join('\n'));
  fs.writeFileSync(
    path.join(repoRoot, 'bench/vscode-notebook.json'),
    JSON.stringify({ date: env.date, env, doc, builtin: b, mathdown: m, ratio, target: NOTEBOOK_TARGET, verdict, errors: Object.fromEntries(errors) }, null, 1),
  );
  log('wrote bench/RESULTS-vscode-notebook.md and bench/vscode-notebook.json');
}
