// The preview page as the browser tests open it (not a test file itself): the preview's own shell
// around the real webview script, and the webview API that script expects.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlockUpdate, ToWebview } from '../../src/shared/preview/messages';
import type { SecurityLevel } from '../../src/shared/remoteContent';
import { previewShellHtml } from '../../src/vscode/preview/previewShell';

export const ROOT = resolve(__dirname, '../../..');
/** What VS Code gives webviews as `cspSource`. */
export const CSP_SOURCE = 'https://*.vscode-cdn.net';

/** The preview's page for `source`, loading dist/webview.js (and, if given, a stylesheet), at a security level (default strict). */
export function previewShell(source: string, nonce: string, stylesheet?: string, level?: SecurityLevel): string {
  const settings = {
    state: { source, locked: false, line: 0 },
    style: { fontSize: 14, lineHeight: 1.6 },
    scrollPreviewWithEditor: true,
    scrollEditorWithPreview: true,
  };
  return previewShellHtml({
    cspSource: CSP_SOURCE,
    nonce,
    settings,
    script: pathToFileURL(join(ROOT, 'dist/webview.js')).href,
    ...(stylesheet ? { stylesheet } : {}),
    ...(level ? { level } : {}),
  });
}

/** For `page.addInitScript`: the webview API the preview script expects, recording what it posts in `window.__posted`. */
export function fakeVsCodeApi(): void {
  const w = window as unknown as { acquireVsCodeApi(): unknown; __posted: unknown[] };
  w.__posted = [];
  let state: unknown;
  w.acquireVsCodeApi = () => ({
    postMessage: (m: unknown) => w.__posted.push(m),
    getState: () => state,
    setState: (s: unknown) => {
      state = s;
    },
  });
}

/** What the tests take from a render result to show it (MathdownRenderer's result has these and more). */
interface Rendered {
  readonly blocks: readonly { key: string; startLine: number; endLine: number; formulaIndices: readonly number[]; html: string }[];
  readonly lineCount: number;
  readonly css?: string;
  readonly fontDefs?: string;
}

/** The blocks of a render result as the extension sends them, every block with its HTML. */
export function blockUpdates(result: Rendered): BlockUpdate[] {
  return result.blocks.map((b) => ({
    key: b.key,
    startLine: b.startLine,
    endLine: b.endLine,
    formulaBase: b.formulaIndices[0] ?? 0,
    html: b.html,
  }));
}

/** The first update the extension sends for a document: `blocks` replace whatever the page shows. */
export function resetUpdate(
  source: string,
  content: { blocks: readonly BlockUpdate[]; lineCount: number; css?: string; fontDefs?: string },
): ToWebview.Update {
  return {
    type: 'update',
    source,
    version: 1,
    seq: 1,
    baseSeq: 0,
    reset: true,
    keepHead: 0,
    keepTail: 0,
    lineShift: 0,
    formulaShift: 0,
    ...content,
  };
}

/** The first update showing a whole render result. */
export function renderedUpdate(source: string, result: Rendered): ToWebview.Update {
  return resetUpdate(source, {
    blocks: blockUpdates(result),
    lineCount: result.lineCount,
    ...(result.css !== undefined ? { css: result.css } : {}),
    ...(result.fontDefs !== undefined ? { fontDefs: result.fontDefs } : {}),
  });
}
