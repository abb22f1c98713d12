// The cells the notebook's webview paints itself, before the extension's answer (the extension has
// to activate, start its typesetting worker and typeset the cells up to the last one asked for).
// The painter (dist/notebookPaint.js, the core's scanner, Marked and a MathJax worker) is loaded once,
// as soon as the renderer starts, so its worker is ready when the first cells are drawn; each text is
// painted once. A cell the painter leaves out (cellPreview.ts) or a painter that fails to load
// leaves its cells pending, as they were before: the extension's answer comes all the same.
import type { CellPainter, PaintedCell } from '../../shared/notebook/cellPainter';

export class LocalPaints {
  readonly #load: () => Promise<CellPainter>;
  #painter: Promise<CellPainter | undefined> | undefined;
  /** Painted texts (undefined: left to the extension), and texts being painted. */
  readonly #done = new Map<string, PaintedCell | undefined>();
  readonly #running = new Set<string>();
  #stopped = false;

  constructor(load: () => Promise<CellPainter>) {
    this.#load = load;
  }

  /** Loads the painter (and so starts its worker) ahead of the first cell. */
  start(): void {
    if (this.#stopped || this.#painter) return;
    this.#painter = this.#load().catch((err: unknown) => {
      console.error('Mathdown: the notebook webview could not start its own typesetting; cells wait for the extension', err);
      return undefined;
    });
  }

  /** The text's own paint, if it is done. */
  get(text: string): PaintedCell | undefined {
    return this.#done.get(text);
  }

  /** Paints `text` (once) and calls `painted` with it when it has HTML. */
  request(text: string, painted: (text: string, cell: PaintedCell) => void): void {
    if (this.#stopped || this.#done.has(text) || this.#running.has(text)) return;
    this.start();
    this.#running.add(text);
    void this.#painter!.then(async (painter) => {
      let cell: PaintedCell | undefined;
      try {
        cell = painter && !this.#stopped ? await painter.paint(text) : undefined;
      } catch (err) {
        console.error('Mathdown: a cell could not be painted in the notebook webview', err);
      }
      this.#running.delete(text);
      if (this.#stopped) return;
      this.#done.set(text, cell);
      if (cell) painted(text, cell);
    });
  }

  /** Forgets the paints of texts the extension's HTML now covers (`keep` says which are still needed). */
  forget(keep: (text: string) => boolean): void {
    for (const text of [...this.#done.keys()]) if (!keep(text)) this.#done.delete(text);
  }

  /** Mathdown is off for this notebook: nothing more is painted, and the worker ends. */
  stop(): void {
    this.#stopped = true;
    this.#done.clear();
    void this.#painter?.then((p) => p?.dispose());
  }
}
