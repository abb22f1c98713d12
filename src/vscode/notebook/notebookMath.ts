// The extension's side of the notebook renderer (src/webview/notebook): renders a notebook's
// Markdown cells as one document and sends their HTML to the notebook's webview.
//
// Why the extension computes the cells' context rather than the renderer: the renderer sees one
// cell's text at a time and cannot tell which notebook, or which cells come before it; the
// extension has the notebook (`vscode.NotebookDocument`: its cells in order, told of every edit,
// move and deletion), the settings and the typesetter with its formula cache. So every change
// re-renders the notebook's Markdown cells in one typesetting run (unchanged formulas come from
// the cache), and the renderer gets the HTML of all of them, so cells after an edited, moved or
// deleted cell show their new numbers.
import * as vscode from 'vscode';
import type { MathdownRenderer, MathOptions } from '../../core';
import { NOTEBOOK_RENDERER_ID, type CellsUpdate, type ShownCell, type TestClick, type ToExtension } from '../../shared/notebook/messages';
import { core } from '../core';
import type { FirstScreens } from '../schedule/firstScreens';
import type { Settings } from '../settings/settings';

export interface NotebookMathDeps {
  renderer: () => MathdownRenderer;
  settings: Settings;
  /** An opening notebook's cells count as first screens: lint of its cells waits until the cells in view are sent. */
  firstScreens?: FirstScreens;
  /** Told after each render: the host gives back the memory a burst of renders grew it by, once they pause (HeapRelease). */
  afterRender?: () => void;
}

/** An edit burst (typing in a cell) is rendered once it pauses. */
const DEBOUNCE_MS = 100;
/** How long an update waits for the editors to take it before the next work starts anyway. */
const DELIVERY_MS = 2_000;

export class NotebookMath implements vscode.Disposable {
  readonly #deps: NotebookMathDeps;
  readonly #messaging = vscode.notebooks.createRendererMessaging(NOTEBOOK_RENDERER_ID);
  /** Notebooks whose renderer asked for cells, with their last update (sent again to editors that ask). */
  readonly #known = new Map<vscode.NotebookDocument, CellsUpdate | undefined>();
  readonly #timers = new Map<vscode.NotebookDocument, ReturnType<typeof setTimeout>>();
  /** Updates run one after another per notebook. */
  readonly #running = new Map<vscode.NotebookDocument, Promise<void>>();
  readonly #subscriptions: vscode.Disposable[];
  /** Per notebook, the cell that defines each equation id (MathJax's `mjx-eqn:label`), from the last update. */
  readonly #targets = new Map<vscode.NotebookDocument, Map<string, vscode.NotebookCell>>();
  /** Texts of cells the webview asked for since the last update (an opening notebook's cells in view). */
  readonly #asked = new Map<vscode.NotebookDocument, Set<string>>();
  /** Notebooks whose last update holds only their first cells; the whole notebook follows. */
  readonly #partial = new Set<vscode.NotebookDocument>();
  /** Opening notebooks: ends the first screens of their cells (see NotebookMathDeps.firstScreens). */
  readonly #opening = new Map<vscode.NotebookDocument, () => void>();
  /** When this service started and each notebook's first steps ran (`Date.now()`), sent with its first updates for the bench. */
  readonly #started = Date.now();
  readonly #phases = new Map<vscode.NotebookDocument, Record<string, number>>();
  /** Test hook: what the renderer last reported shown, by notebook URI. */
  readonly shown = new Map<string, ShownCell[]>();

  constructor(deps: NotebookMathDeps) {
    this.#deps = deps;
    this.#subscriptions = [
      this.#messaging.onDidReceiveMessage(({ editor, message }) => this.#received(editor, message as ToExtension)),
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (this.#known.has(e.notebook)) this.#schedule(e.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((nb) => {
        this.#known.delete(nb);
        this.#phases.delete(nb);
        this.#targets.delete(nb);
        this.#asked.delete(nb);
        this.#partial.delete(nb);
        this.#opened(nb);
        clearTimeout(this.#timers.get(nb));
        this.#timers.delete(nb);
      }),
      deps.settings.onDidChange((change) => {
        if (change.areas.has('notebook') || change.areas.has('math')) for (const nb of this.#known.keys()) this.#schedule(nb);
      }),
    ];
  }

  #received(editor: vscode.NotebookEditor, message: ToExtension): void {
    if (message?.type === 'shown') {
      this.shown.set(editor.notebook.uri.toString(), message.cells);
      return;
    }
    if (message?.type === 'reveal') {
      this.#reveal(editor, message.id);
      return;
    }
    if (message?.type !== 'render') return;
    const last = this.#known.get(editor.notebook);
    // A cell shown again after its webview was recreated: the last update may already have it.
    if (last && last.cells.some((c) => c.text === message.text)) void this.#messaging.postMessage(last, editor);
    // The first cells of an opening notebook went out; the whole notebook is being typeset and follows.
    else if (this.#partial.has(editor.notebook)) return;
    else {
      if (!last) this.#opens(editor.notebook);
      if (!this.#phases.has(editor.notebook))
        this.#phases.set(editor.notebook, { extensionStarted: this.#started, renderAsked: Date.now() });
      const asked = this.#asked.get(editor.notebook) ?? new Set<string>();
      asked.add(message.text);
      this.#asked.set(editor.notebook, asked);
      this.#schedule(editor.notebook, 0);
    }
  }

  #schedule(notebook: vscode.NotebookDocument, delay = DEBOUNCE_MS): void {
    if (!this.#known.has(notebook)) this.#known.set(notebook, undefined);
    clearTimeout(this.#timers.get(notebook));
    this.#timers.set(
      notebook,
      setTimeout(() => {
        this.#timers.delete(notebook);
        const previous = this.#running.get(notebook) ?? Promise.resolve();
        const next = previous
          .then(() => this.#update(notebook))
          .catch((err: unknown) => console.error('Mathdown notebook render failed', err));
        this.#running.set(notebook, next);
      }, delay),
    );
  }

  async #update(notebook: vscode.NotebookDocument): Promise<void> {
    if (notebook.isClosed) return;
    const settings = this.#deps.settings.for(notebook.uri);
    const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    const texts = cells.map((c) => c.document.getText());
    if (!settings.notebookRenderer) {
      await this.#send(notebook, { type: 'cells', enabled: false, css: '', cells: [] });
      return;
    }
    // A notebook opening: the cells the webview asked for first (those in view) are sent as soon as
    // they and the cells before them are typeset, before the whole notebook is. Their numbers and
    // macros come only from the cells before them; a reference to a label further down shows (???)
    // until the whole notebook follows.
    const asked = this.#asked.get(notebook);
    this.#asked.delete(notebook);
    let lastAsked = -1;
    if (asked && !this.#known.get(notebook)) for (let i = 0; i < texts.length; i++) if (asked.has(texts[i]!)) lastAsked = i;
    try {
      if (lastAsked >= 0 && lastAsked + 1 < texts.length) {
        const prefix = await this.#render(cells.slice(0, lastAsked + 1), settings.core.math);
        if (notebook.isClosed) return;
        this.#partial.add(notebook);
        await this.#send(notebook, prefix.update);
      }
      const whole = await this.#render(cells, settings.core.math);
      this.#targets.set(notebook, whole.targets);
      await this.#send(notebook, whole.update);
      const phases = this.#phases.get(notebook);
      if (phases) phases['done'] = 1;
    } finally {
      this.#partial.delete(notebook);
      this.#opened(notebook);
    }
  }

  /**
   * The webview draws the cells of a notebook that has none of Mathdown's HTML yet: until the cells
   * in view are sent, lint of its cells (which typesets every formula of every cell, in the same
   * queue) waits, and a lint already running gives way.
   */
  #opens(notebook: vscode.NotebookDocument): void {
    const firstScreens = this.#deps.firstScreens;
    if (!firstScreens || this.#opening.has(notebook)) return;
    const ends = notebook.getCells().map((c) => firstScreens.begin(c.document.uri.toString()));
    this.#opening.set(notebook, () => {
      for (const end of ends) end();
    });
  }

  #opened(notebook: vscode.NotebookDocument): void {
    this.#opening.get(notebook)?.();
    this.#opening.delete(notebook);
  }

  /** The HTML of Markdown `cells` read as one document, and the cell that defines each equation id. */
  async #render(
    cells: readonly vscode.NotebookCell[],
    math: MathOptions,
  ): Promise<{ update: CellsUpdate; targets: Map<string, vscode.NotebookCell> }> {
    const texts = cells.map((c) => c.document.getText());
    const phases = cells[0] && this.#phases.get(cells[0].notebook);
    if (phases && !phases['typesetStarted']) phases['typesetStarted'] = Date.now();
    const result = await this.#deps.renderer().renderCells(texts, {
      math,
      keys: cells.map((c) => c.document.uri.toString()),
      // Screen readers read the MathML; the equation numbers in it are what the tests read too.
      assistiveMml: true,
    });
    this.#deps.afterRender?.();
    const targets = new Map<string, vscode.NotebookCell>();
    result.cells.forEach((cell, i) => {
      // MathJax's id for a label (its Tags.formatId); the first cell that defines it wins, as in the typesetting.
      for (const label of core().equationLabels(cell.formulas)) {
        const id = `mjx-eqn:${label.key.replace(/\s/g, '_')}`;
        if (!targets.has(id)) targets.set(id, cells[i]!);
      }
    });
    const update: CellsUpdate = {
      type: 'cells',
      enabled: true,
      css: result.css,
      cells: texts.map((text, i) => ({ text, html: result.cells[i]!.html })),
    };
    return { update, targets };
  }

  /**
   * Sends `update` to the notebook's editors; resolves once they took it (or after DELIVERY_MS).
   * An opening notebook's lint and its whole-notebook render start only then: both keep the
   * extension host busy, and the cells in view would wait behind them for their numbers.
   */
  async #send(notebook: vscode.NotebookDocument, update: CellsUpdate): Promise<void> {
    const phases = this.#phases.get(notebook);
    // The updates of an opening notebook (its first cells, then all) carry its phases.
    if (phases && !phases['done']) {
      phases[phases['firstPosted'] ? 'wholePosted' : 'firstPosted'] = Date.now();
      update = { ...update, phases: { ...phases } };
    }
    this.#known.set(notebook, update);
    const posts = vscode.window.visibleNotebookEditors
      .filter((editor) => editor.notebook === notebook)
      .map((editor) => Promise.resolve(this.#messaging.postMessage(update, editor)).catch(() => false));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(posts), new Promise((r) => (timer = setTimeout(r, DELIVERY_MS)))]);
    clearTimeout(timer);
    this.#opened(notebook);
  }

  /** A reference clicked in `editor` whose target the webview has not drawn: the cell that defines it is revealed. */
  #reveal(editor: vscode.NotebookEditor, id: string): void {
    const cell = this.#targets.get(editor.notebook)?.get(id);
    if (!cell || cell.index < 0 || cell.notebook !== editor.notebook) return;
    const range = new vscode.NotebookRange(cell.index, cell.index + 1);
    editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Test hook: clicks the first element matching `selector` in the Markdown cells of the notebook `uri`'s editors. */
  async testClick(uri: string, selector: string): Promise<boolean> {
    const message: TestClick = { type: 'testClick', selector };
    let sent = false;
    for (const editor of vscode.window.visibleNotebookEditors) {
      if (editor.notebook.uri.toString() === uri) sent = (await this.#messaging.postMessage(message, editor)) || sent;
    }
    return sent;
  }

  dispose(): void {
    for (const nb of [...this.#opening.keys()]) this.#opened(nb);
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const s of this.#subscriptions) s.dispose();
  }
}
