// Mathdown's notebook renderer: extends VS Code's Markdown cell renderer (`vscode.markdown-it-renderer`,
// as the built-in markdown-math extension does for KaTeX) so that a Markdown cell shows Mathdown's
// HTML: its scanner decides what is math and MathJax's SVG shows it, the notebook's cells read as
// one document (numbering, labels, macros). The HTML is made by the extension (which has the
// notebook and the typesetter) and comes through renderer messaging; until it comes, a cell shows
// its text, and `md.render` asks for it. Each cell's HTML is kept by its text, so a cell shown again
// renders at once.
import { NOTEBOOK_RENDERER_ID, type ShownCell, type ToExtension, type ToRenderer } from '../../shared/notebook/messages';

interface MarkdownIt {
  render(src: string, env?: unknown): string;
}

interface RendererContext {
  getRenderer(id: string): Promise<{ extendMarkdownIt(f: (md: MarkdownIt) => void): void } | undefined>;
  postMessage?(message: ToExtension): void;
  onDidReceiveMessage?(listener: (message: ToRenderer) => void): { dispose(): void };
}

const PENDING = 'mathdown-pending';
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
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function activate(ctx: RendererContext): Promise<void> {
  const markdownIt = await ctx.getRenderer('vscode.markdown-it-renderer');
  if (!markdownIt) throw new Error(`${NOTEBOOK_RENDERER_ID}: could not load 'vscode.markdown-it-renderer'`);
  const html = new Map<string, string>();
  const asked = new Set<string>();
  let enabled = true;
  let css = '';
  /** VS Code's own rendering of a cell (with KaTeX when its markdown-math is on), for when Mathdown is switched off. */
  let original: ((src: string) => string) | undefined;
  /** The env VS Code rendered each text with (its plugins read the cell's output item from it). */
  const envs = new Map<string, unknown>();

  ctx.onDidReceiveMessage?.((message) => {
    if (message.type !== 'cells') return;
    enabled = message.enabled;
    css = message.css;
    html.clear();
    for (const cell of message.cells) html.set(cell.text, cell.html);
    // Envs are needed only for the texts still shown.
    if (message.cells.length) for (const text of envs.keys()) if (!html.has(text)) envs.delete(text);
    asked.clear();
    patchShownCells();
  });

  /** Every cell shown with other HTML than its text now has (a pending one, or old numbers) gets the new HTML. */
  function patchShownCells(): void {
    const shown: ShownCell[] = [];
    for (const host of document.querySelectorAll('*')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const cell of root.querySelectorAll<HTMLElement>(`.${CELL}`)) {
        const text = cell.dataset['source'] ?? '';
        let next: string | undefined;
        try {
          next = enabled ? html.get(text) : original?.(text);
        } catch (err) {
          console.error('Mathdown: the built-in rendering of a cell failed', err);
        }
        if (next === undefined) continue;
        const key = fingerprint(next);
        if (cell.dataset['key'] === key) continue;
        ensureStyle(root);
        cell.classList.remove(PENDING);
        cell.innerHTML = next;
        cell.dataset['key'] = key;
      }
      for (const cell of root.querySelectorAll<HTMLElement>(`.${CELL}`)) shown.push(report(cell));
    }
    ctx.postMessage?.({ type: 'shown', cells: shown });
  }

  function ensureStyle(root: ShadowRoot): void {
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
      envs.set(src, env);
      if (!enabled || !ctx.postMessage) return render(src, env);
      const source = escapeText(src).replace(/"/g, '&quot;');
      const ready = html.get(src);
      if (ready !== undefined) {
        // The cell's shadow root is not reachable from here: the style comes with the HTML.
        return `<div class="${CELL}" data-source="${source}" data-key="${fingerprint(ready)}"><style>${css}\n${CELL_CSS}</style>${ready}</div>`;
      }
      if (!asked.has(src)) {
        asked.add(src);
        ctx.postMessage({ type: 'render', text: src });
      }
      return `<div class="${CELL} ${PENDING}" data-source="${source}">${escapeText(src)}</div>`;
    };
  });
}
