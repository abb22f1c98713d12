// The preview page as the browser tests open it (not a test file itself): the preview's own shell
// around the real webview script, and the webview API that script expects.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
