import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshNonce, previewShellHtml } from '../../src/vscode/preview/previewShell';

const SETTINGS = {
  state: { source: 'file:///a.md', locked: false, line: 0 },
  style: { fontSize: 14, lineHeight: 1.6 },
  scrollPreviewWithEditor: true,
  scrollEditorWithPreview: true,
};

/** A page as previewPage.ts builds one for each load. */
function page(): string {
  return previewShellHtml({
    cspSource: 'https://*.vscode-cdn.net',
    nonce: freshNonce(),
    settings: SETTINGS,
    script: 'https://x.vscode-cdn.net/dist/webview.js',
  });
}

/** The nonce the page's CSP allows and the nonce its one script carries. */
function nonces(html: string): { csp: string; script: string } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'nonce-([^']+)'/.exec(html);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)];
  assert.ok(csp, 'the CSP allows scripts by nonce');
  assert.equal(scripts.length, 1);
  const script = / nonce="([^"]+)"/.exec(scripts[0]![0]);
  assert.ok(script, 'the script carries a nonce');
  return { csp: csp[1]!, script: script[1]! };
}

test('every page load gets its own nonce, in its CSP and on its script', () => {
  const first = nonces(page());
  const second = nonces(page());
  assert.equal(first.script, first.csp);
  assert.equal(second.script, second.csp);
  assert.notEqual(first.csp, second.csp);
});

test('nonces are at least 128 random bits and do not repeat', () => {
  const seen = new Set(Array.from({ length: 1000 }, freshNonce));
  assert.equal(seen.size, 1000);
  for (const n of seen) assert.ok(Buffer.from(n, 'base64').length >= 16, n);
});
