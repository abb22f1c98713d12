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
import type { MathdownRenderer } from '../../core';
import { NOTEBOOK_RENDERER_ID, type CellsUpdate, type ShownCell, type ToExtension } from '../../shared/notebook/messages';
import type { Settings } from '../settings/settings';

export interface NotebookMathDeps {
  renderer: () => MathdownRenderer;
  settings: Settings;
}

/** An edit burst (typing in a cell) is rendered once it pauses. */
const DEBOUNCE_MS = 100;

export class NotebookMath implements vscode.Disposable {
  readonly #deps: NotebookMathDeps;
  readonly #messaging = vscode.notebooks.createRendererMessaging(NOTEBOOK_RENDERER_ID);
  /** Notebooks whose renderer asked for cells, with their last update (sent again to editors that ask). */
  readonly #known = new Map<vscode.NotebookDocument, CellsUpdate | undefined>();
  readonly #timers = new Map<vscode.NotebookDocument, ReturnType<typeof setTimeout>>();
  /** Updates run one after another per notebook. */
  readonly #running = new Map<vscode.NotebookDocument, Promise<void>>();
  readonly #subscriptions: vscode.Disposable[];
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
    if (message?.type !== 'render') return;
    const last = this.#known.get(editor.notebook);
    // A cell shown again after its webview was recreated: the last update may already have it.
    if (last && last.cells.some((c) => c.text === message.text)) void this.#messaging.postMessage(last, editor);
    else this.#schedule(editor.notebook, 0);
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
    let update: CellsUpdate;
    if (!settings.notebookRenderer) {
      update = { type: 'cells', enabled: false, css: '', cells: [] };
    } else {
      const result = await this.#deps.renderer().renderCells(texts, {
        math: settings.core.math,
        keys: cells.map((c) => c.document.uri.toString()),
        // Screen readers read the MathML; the equation numbers in it are what the tests read too.
        assistiveMml: true,
      });
      update = { type: 'cells', enabled: true, css: result.css, cells: texts.map((text, i) => ({ text, html: result.cells[i]!.html })) };
    }
    this.#known.set(notebook, update);
    for (const editor of vscode.window.visibleNotebookEditors) {
      if (editor.notebook === notebook) void this.#messaging.postMessage(update, editor);
    }
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const s of this.#subscriptions) s.dispose();
  }
}
