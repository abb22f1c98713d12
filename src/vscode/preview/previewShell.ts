// The preview page itself, without VS Code types: the Content-Security-Policy and the HTML shell.
// previewPage.ts fills in the webview's URIs; the XSS tests load the same shell in Chromium.
import { escapeAttribute } from '../../shared/escapeHtml';
import type { InitialSettings } from '../../shared/preview';
import { DEFAULT_SECURITY_LEVEL, remoteSources, type SecurityLevel } from '../../shared/remoteContent';

/** The script nonce for one page load: 144 random bits, base64 (never reused, never guessable). */
export function freshNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Nothing but our nonce'd script runs; images from the webview's files, data: URIs and the remote
 * sources the security level allows; inline styles for MathJax. The level `disabled` has no policy (null).
 */
export function previewCsp(cspSource: string, nonce: string, level: SecurityLevel = DEFAULT_SECURITY_LEVEL): string | null {
  if (level === 'disabled') return null;
  const remote = remoteSources(level)
    .map((s) => ` ${s}`)
    .join('');
  return [
    `default-src 'none'`,
    `img-src ${cspSource} data:${remote}`,
    `media-src ${cspSource} data:${remote}`,
    // MathJax's SVG output carries inline style attributes.
    `style-src ${cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    // The page's own <base> comes before this policy; none after it may change where relative URLs go.
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

export interface PreviewShell {
  cspSource: string;
  nonce: string;
  /** What remote content the page may load (default: strict, none). */
  level?: SecurityLevel;
  settings: InitialSettings;
  /** The document's folder (relative images and links resolve against it); omitted: no <base>. */
  base?: string;
  stylesheet?: string;
  script: string;
}

export function previewShellHtml(shell: PreviewShell): string {
  const { nonce } = shell;
  const csp = previewCsp(shell.cspSource, nonce, shell.level);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${shell.base === undefined ? '' : `<base href="${escapeAttribute(shell.base.replace(/\/?$/, '/'))}">\n`}${csp === null ? '' : `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">\n`}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mathdown preview</title>
<meta id="mathdown-settings" data-settings="${escapeAttribute(JSON.stringify(shell.settings))}">
${shell.stylesheet === undefined ? '' : `<link rel="stylesheet" href="${escapeAttribute(shell.stylesheet)}">\n`}<style id="mathdown-mathjax-css"></style>
</head>
<body class="mathdown-preview">
<div id="mathdown-banner" class="mathdown-banner" role="alert" hidden></div>
<div id="mathdown-link-notice" class="mathdown-notice" role="status" hidden></div>
<button id="mathdown-security-notice" class="mathdown-security-notice" type="button" title="Choose what remote content Mathdown previews in this workspace may load" hidden>Some content has been blocked in this document</button>
<svg id="mathdown-font-defs" class="mathdown-font-defs" aria-hidden="true" focusable="false"></svg>
<main id="mathdown-content" class="mathdown-content"></main>
<script nonce="${nonce}" src="${escapeAttribute(shell.script)}"></script>
</body>
</html>`;
}
