// The preview page shell: strict CSP with a fresh nonce, the stylesheet, the webview script and
// the initial settings as escaped JSON. Blocks arrive later by message.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { InitialSettings } from '../../webview/protocol';

export function previewPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, document: vscode.Uri, settings: InitialSettings): string {
  const nonce = randomBytes(18).toString('base64');
  const src = webview.cspSource;
  const csp = [
    `default-src 'none'`,
    `img-src ${src} https: data:`,
    // MathJax's SVG output carries inline style attributes.
    `style-src ${src} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${src}`,
  ].join('; ');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  // Relative image paths resolve against the document's folder.
  const base = webview.asWebviewUri(vscode.Uri.joinPath(document, '..'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta id="mathdown-settings" data-settings="${escapeAttribute(JSON.stringify(settings))}">
<base href="${escapeAttribute(base.toString().replace(/\/?$/, '/'))}">
<link rel="stylesheet" href="${escapeAttribute(css.toString())}">
<style id="mathdown-mathjax-css"></style>
</head>
<body class="mathdown-preview">
<div id="mathdown-banner" class="mathdown-banner" role="alert" hidden></div>
<svg id="mathdown-font-defs" class="mathdown-font-defs" aria-hidden="true" focusable="false"></svg>
<main id="mathdown-content" class="mathdown-content"></main>
<script nonce="${nonce}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
