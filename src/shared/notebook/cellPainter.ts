// The notebook renderer's own typesetting (src/browser/notebookPaint.ts, dist/notebookPaint.js),
// as the renderer (src/webview/notebook) sees it: a module it loads when a cell first has no HTML
// from the extension, to paint such cells before the extension's answer comes.

/** A cell painted on its own: its HTML and the style sheet its math needs. */
export interface PaintedCell {
  html: string;
  css: string;
}

export interface CellPainter {
  /** The cell's HTML on its own, or undefined when it must wait for the extension's answer. */
  paint(text: string): Promise<PaintedCell | undefined>;
  /** Resolves once MathJax has set itself up in the worker (it does so on its first formula). */
  readonly warm: Promise<void>;
  dispose(): void;
}

/** What dist/notebookPaint.js exports. */
export interface CellPainterModule {
  /**
   * `workerScript`: the bytes of dist/web/typesetWorker.js (read by the renderer while this module
   * loads), started as a Web Worker from a blob: URL.
   */
  startCellPainter(workerScript: Promise<ArrayBuffer>): CellPainter;
}
