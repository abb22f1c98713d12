// The preview page itself, without VS Code types: the Content-Security-Policy and the HTML shell.
// previewPage.ts fills in the webview's URIs; the XSS tests load the same shell in Chromium.
import { randomBytes } from 'node:crypto';
import { escapeAttribute } from '../../shared/escapeHtml';
import type { InitialSettings } from '../../shared/preview';

/** The script nonce for one page load: 144 random bits, base64 (never reused, never guessable). */
export function freshNonce(): string {
  return randomBytes(18).toString('base64');
}

/** Nothing but our nonce'd script runs; images from the webview, https and data; inline styles for MathJax. */
export function previewCsp(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `img-src ${cspSource} https: data:`,
    // MathJax's SVG output carries inline style attributes.
    `style-src ${cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export interface PreviewShell {
  cspSource: string;
  nonce: string;
  settings: InitialSettings;
  /** The document's folder (relative images and links resolve against it); omitted: no <base>. */
  base?: string;
  stylesheet?: string;
  script: string;
}

export function previewShellHtml(shell: PreviewShell): string {
  const { nonce } = shell;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp(shell.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mathdown preview</title>
<meta id="mathdown-settings" data-settings="${escapeAttribute(JSON.stringify(shell.settings))}">
${shell.base === undefined ? '' : `<base href="${escapeAttribute(shell.base.replace(/\/?$/, '/'))}">\n`}${shell.stylesheet === undefined ? '' : `<link rel="stylesheet" href="${escapeAttribute(shell.stylesheet)}">\n`}<style id="mathdown-mathjax-css"></style>
</head>
<body class="mathdown-preview">
<div id="mathdown-banner" class="mathdown-banner" role="alert" hidden></div>
<svg id="mathdown-font-defs" class="mathdown-font-defs" aria-hidden="true" focusable="false"></svg>
<main id="mathdown-content" class="mathdown-content"></main>
<script nonce="${nonce}" src="${escapeAttribute(shell.script)}"></script>
</body>
</html>`;
}
