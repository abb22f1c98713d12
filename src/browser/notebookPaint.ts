// The notebook webview's own typesetting (dist/notebookPaint.js): Mathdown's notebook renderer
// (src/webview/notebook) loads it on the first cell that has no HTML from the extension yet, so
// that the cells in view show their math without waiting for the extension to activate, start its
// worker and answer (cellPreview.ts says what such a paint leaves out). MathJax runs in a Web
// Worker started from a blob: URL of the web build's typesetting worker script (the webview's
// origin is not the script's); the renderer's thread only parses Markdown and builds the HTML.
import { cellPreview } from '../core/render/cellPreview';
import { MathdownRenderer } from '../core/render/render';
import type { CellPainter } from '../shared/notebook/cellPainter';
import { scriptBlobUrl, webWorkerStarter } from './platform/webWorkers';

export function startCellPainter(workerScript: Promise<ArrayBuffer>): CellPainter {
  const script = workerScript.then((code) => scriptBlobUrl(new Uint8Array(code)));
  // One worker: the painter typesets a few cells, and the extension's typesetting runs beside it.
  const renderer = new MathdownRenderer({ worker: webWorkerStarter(script, 'Mathdown notebook typesetting'), helpers: 0 });
  // MathJax sets itself up on its first formula: done now, while VS Code is still drawing the cells.
  const warm = cellPreview(renderer, '$x$').then(
    () => undefined,
    () => undefined,
  );
  return {
    warm,
    paint: (text) => cellPreview(renderer, text),
    dispose: () => void renderer.dispose(),
  };
}
