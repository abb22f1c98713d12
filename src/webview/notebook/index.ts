// Mathdown's notebook renderer: extends VS Code's Markdown cell renderer (`vscode.markdown-it-renderer`,
// as the built-in markdown-math extension does for KaTeX) so that a Markdown cell shows Mathdown's
// HTML: its scanner decides what is math and MathJax's SVG shows it, the notebook's cells read as
// one document (numbering, labels, macros). The HTML is made by the extension (which has the
// notebook and the typesetter) and comes through renderer messaging; `md.render` asks for it, and
// until it comes, a cell shows its text, then its math as the webview typesets the cell on its own
// (localPaints.ts: a cell not numbered yet). Each cell's HTML is kept by its text and place (cellHtml.ts),
// so a cell shown again renders at once. A click on an equation reference reveals the labelled
// equation's cell (references.ts).
import { NOTEBOOK_RENDERER_ID, type ShownCell, type ToExtension, type ToRenderer } from '../../shared/notebook/messages';
import type { CellPainterModule } from '../../shared/notebook/cellPainter';
import { CellHtmlTable } from './cellHtml';
import { LocalPaints } from './localPaints';
import { followReferences, shadowRoots } from './references';

interface MarkdownIt {
  render(src: string, env?: unknown): string;
}

interface RendererContext {
  getRenderer(id: string): Promise<{ extendMarkdownIt(f: (md: MarkdownIt) => void): void } | undefined>;
  postMessage?(message: ToExtension): void;
  onDidReceiveMessage?(listener: (message: ToRenderer) => void): { dispose(): void };
}

const PENDING = 'mathdown-pending';
/** A cell painted by the webview on its own, until the extension's HTML replaces it. */
const LOCAL = 'mathdown-local';
const CELL = 'mathdown-cell';
const STYLE_ID = 'mathdown-notebook-style';

/** The notebook's own rules: MathJax's display math, errors, directives; the rest is VS Code's cell style. */
const CELL_CSS = `.${PENDING}{white-space:pre-wrap;opacity:.6}
.mathdown-display{margin:.5em 0;overflow-x:auto;overflow-y:hidden}
.mathdown-error{color:var(--vscode-errorForeground)}
.myst-directive{margin:0 0 1em;padding:.5em 1em;border-left:.25em solid var(--vscode-textBlockQuote-border)}
.myst-directive-title{font-weight:600}`;

/** A short fingerprint of a cell's HTML (FNV-1a), to leave cells that already show it alone. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}.${text.length}`;
}

function report(cell: HTMLElement): ShownCell {
  return {
    text: cell.dataset['source'] ?? '',
    svg: cell.querySelectorAll('mjx-container svg').length,
    katex: cell.querySelectorAll('.katex').length,
    numbers: [...cell.querySelectorAll('mjx-assistive-mml mtext')].map((t) => t.textContent ?? '').filter((t) => /^\(.*\)$/.test(t)),
    local: cell.classList.contains(LOCAL),
  };
}

/** The painter's module and the typesetting worker's script, beside this module in dist/. */
function loadPainter(): Promise<ReturnType<CellPainterModule['startCellPainter']>> {
  const painter = new URL('./notebookPaint.js', import.meta.url).href;
  const worker = new URL('./web/typesetWorker.js', import.meta.url).href;
  // Read while the module loads: the worker's script is the larger of the two.
  const script = fetch(worker).then((response) => {
    if (!response.ok) throw new Error(`${worker}: ${response.status}`);
    return response.arrayBuffer();
  });
  script.catch(() => undefined);
  return (import(/* @vite-ignore */ painter) as Promise<CellPainterModule>).then((m) => {
    phase('painterLoaded');
    const started = m.startCellPainter(script);
    void started.warm.then(() => phase('painterWarm'));
    return started;
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * When the renderer and the extension did each step of the notebook's first paint (`Date.now()`,
 * by step name, the first time only), read by the notebook bench (scripts/bench/vscodeNotebook.mjs).
 */
const phases: Record<string, number> = ((globalThis as { __mathdownNotebookPhases?: Record<string, number> }).__mathdownNotebookPhases ??=
  {});
function phase(name: string, at = Date.now()): void {
  phases[name] ??= at;
}

export async function activate(ctx: RendererContext): Promise<void> {
  phase('rendererActivated');
  const markdownIt = await ctx.getRenderer('vscode.markdown-it-renderer');
  if (!markdownIt) throw new Error(`${NOTEBOOK_RENDERER_ID}: could not load 'vscode.markdown-it-renderer'`);
  const html = new CellHtmlTable();
  const asked = new Set<string>();
  let enabled = true;
  let css = '';
  const local = new LocalPaints(loadPainter);
  // Started now, so that the painter's worker is up when VS Code draws the first cells.
  if (ctx.postMessage) local.start();
  /** VS Code's own rendering of a cell (with KaTeX when its markdown-math is on), for when Mathdown is switched off. */
  let original: ((src: string) => string) | undefined;
  /** The env VS Code rendered each text with (its plugins read the cell's output item from it). */
  const envs = new Map<string, unknown>();

  ctx.onDidReceiveMessage?.((message) => {
    if (message.type === 'testClick') {
      testClick(message.selector);
      return;
    }
    if (message.type !== 'cells') return;
    phase(message.cells.length ? 'cellsReceived' : 'emptyUpdateReceived');
    for (const [name, at] of Object.entries(message.phases ?? {})) phase(`extension.${name}`, at);
    enabled = message.enabled;
    css = message.css;
    html.set(message.cells);
    if (!enabled) local.stop();
    else local.forget((text) => !html.has(text));
    // Envs are needed only for the texts still shown: in the notebook now, or in the page (an update
    // made before the latest edit lacks the text the edited cell was drawn with since).
    if (message.cells.length) {
      const drawn = new Set(shownCells().map(({ cell }) => cell.dataset['source'] ?? ''));
      for (const text of envs.keys()) if (!html.has(text) && !drawn.has(text)) envs.delete(text);
    }
    asked.clear();
    patchShownCells();
    if (message.cells.length) phase('cellsPatched');
  });

  followReferences(CELL, (id) => ctx.postMessage?.({ type: 'reveal', id }));

  /** The Mathdown cells in the page, in notebook order, each with the shadow root it is drawn in. */
  function shownCells(): { cell: HTMLElement; root: ShadowRoot }[] {
    const found: { cell: HTMLElement; root: ShadowRoot; top: number }[] = [];
    for (const root of shadowRoots()) {
      const host = root.host as HTMLElement;
      // VS Code places each cell's preview at its offset in the notebook (style.top).
      const placed = Number.parseFloat(host.style.top);
      const top = Number.isFinite(placed) ? placed : host.getBoundingClientRect().top + window.scrollY;
      for (const cell of root.querySelectorAll<HTMLElement>(`.${CELL}`)) found.push({ cell, root, top });
    }
    return found.sort((a, b) => a.top - b.top);
  }

  /** Every cell shown with other HTML than its text and place now have (a pending one, or old numbers) gets the new HTML. */
  function patchShownCells(): void {
    const cells = shownCells();
    const texts = cells.map(({ cell }) => cell.dataset['source'] ?? '');
    const assigned = enabled ? html.assign(texts) : [];
    cells.forEach(({ cell, root }, i) => {
      let next: string | undefined;
      try {
        next = enabled ? assigned[i] : original?.(texts[i]!);
      } catch (err) {
        console.error('Mathdown: the built-in rendering of a cell failed', err);
      }
      if (next === undefined) return;
      const key = fingerprint(next);
      cell.classList.remove(LOCAL);
      if (cell.dataset['key'] === key) return;
      ensureStyle(root, css);
      cell.classList.remove(PENDING);
      cell.innerHTML = next;
      cell.dataset['key'] = key;
    });
    ctx.postMessage?.({ type: 'shown', cells: cells.map(({ cell }) => report(cell)) });
  }

  /** Cells drawn by VS Code since the last update: placed (same text, other place) and reported once drawing pauses. */
  let patchTimer: ReturnType<typeof setTimeout> | undefined;
  function schedulePatch(): void {
    clearTimeout(patchTimer);
    patchTimer = setTimeout(() => {
      patchTimer = undefined;
      patchShownCells();
    }, 50);
  }

  function testClick(selector: string): void {
    for (const { cell } of shownCells()) {
      const target = cell.querySelector(selector);
      if (!target) continue;
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window }));
      return;
    }
    console.error(`Mathdown test: no element matches ${selector} in the notebook's cells`);
  }

  /** A cell still pending (or shown again since) gets its own paint, unless the extension's HTML came first. */
  function paintLocal(text: string, painted: { html: string; css: string }): void {
    if (!enabled || html.has(text)) return;
    const key = fingerprint(painted.html);
    for (const { cell, root } of shownCells()) {
      if (cell.dataset['source'] !== text || !cell.classList.contains(PENDING)) continue;
      ensureStyle(root, css || painted.css);
      cell.classList.replace(PENDING, LOCAL);
      cell.innerHTML = painted.html;
      cell.dataset['key'] = key;
      phase('localPainted');
    }
  }

  function ensureStyle(root: ShadowRoot, css: string): void {
    let style = root.getElementById(STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = STYLE_ID;
      root.prepend(style);
    }
    const text = `${css}\n${CELL_CSS}`;
    if (style.textContent !== text) style.textContent = text;
  }

  markdownIt.extendMarkdownIt((md) => {
    const render = md.render.bind(md);
    original = (src) => render(src, envs.get(src) ?? {});
    md.render = (src: string, env?: unknown): string => {
      phase('firstCellRendered');
      envs.set(src, env);
      if (!enabled || !ctx.postMessage) return render(src, env);
      const source = escapeText(src).replace(/"/g, '&quot;');
      const ready = html.forText(src);
      if (ready !== undefined) {
        // Another cell with the same text may have other HTML: the cell is placed (and reported) once it stands in the page.
        schedulePatch();
        // The cell's shadow root is not reachable from here: the style comes with the HTML.
        return `<div class="${CELL}" data-source="${source}" data-key="${fingerprint(ready)}"><style>${css}\n${CELL_CSS}</style>${ready}</div>`;
      }
      if (!asked.has(src)) {
        asked.add(src);
        ctx.postMessage({ type: 'render', text: src });
      }
      const painted = local.get(src);
      if (painted) {
        return `<div class="${CELL} ${LOCAL}" data-source="${source}" data-key="${fingerprint(painted.html)}"><style>${css || painted.css}\n${CELL_CSS}</style>${painted.html}</div>`;
      }
      local.request(src, paintLocal);
      return `<div class="${CELL} ${PENDING}" data-source="${source}">${escapeText(src)}</div>`;
    };
  });
}
