// The security levels' one rule (src/shared/remoteContent.ts) and the two places that apply it:
// the preview's CSP and the export (remote images left out, the page's policy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportCsp } from '../../src/core/export/contentSecurityPolicy';
import { omitRemoteImages } from '../../src/core/export/remoteImages';
import { allowsUrl, isRemoteUrl, SECURITY_LEVELS, type SecurityLevel } from '../../src/shared/remoteContent';
import { previewCsp } from '../../src/vscode/preview/previewShell';

/** Each URL, and the levels (in SECURITY_LEVELS order) that let it load: 1 yes, 0 no. */
const URLS: [string, string][] = [
  ['https://example.com/a.png', '01111'],
  ['HTTPS://example.com/a.png', '01111'],
  ['//example.com/a.png', '01111'],
  ['http://example.com/a.png', '00011'],
  ['http://localhost:8080/a.png', '00111'],
  ['http://127.0.0.1:5000/a.png', '00111'],
  ['http://127.0.0.1.example.com/a.png', '00011'],
  ['figure.png', '11111'],
  ['/abs/figure.png', '11111'],
  ['data:image/png;base64,AAAA', '11111'],
];

test('what each level lets load', () => {
  for (const [url, expected] of URLS) {
    const got = SECURITY_LEVELS.map((level) => (allowsUrl(level, url) ? '1' : '0')).join('');
    assert.equal(got, expected, url);
  }
  assert.equal(isRemoteUrl('https://x/y'), true);
  assert.equal(isRemoteUrl('figure.png'), false);
});

test("the preview's policy per level: remote sources only as allowed, no policy when disabled", () => {
  const directive = (csp: string | null, name: string) =>
    csp
      ?.split('; ')
      .find((d) => d.startsWith(`${name} `))
      ?.slice(name.length + 1);
  const img = (level: SecurityLevel) => directive(previewCsp('https://*.vscode-cdn.net', 'n0nce', level), 'img-src');
  assert.equal(img('strict'), 'https://*.vscode-cdn.net data:');
  assert.equal(img('allowRemote'), 'https://*.vscode-cdn.net data: https:');
  assert.equal(img('allowInsecureLocal'), 'https://*.vscode-cdn.net data: https: http://localhost:* http://127.0.0.1:*');
  assert.equal(img('allowInsecure'), 'https://*.vscode-cdn.net data: https: http:');
  assert.equal(previewCsp('https://*.vscode-cdn.net', 'n0nce', 'disabled'), null);
  assert.equal(
    previewCsp('https://*.vscode-cdn.net', 'n0nce'),
    previewCsp('https://*.vscode-cdn.net', 'n0nce', 'strict'),
    'strict by default',
  );
  for (const level of SECURITY_LEVELS.filter((l) => l !== 'disabled')) {
    const csp = previewCsp('https://*.vscode-cdn.net', 'n0nce', level)!;
    assert.equal(directive(csp, 'base-uri'), "'none'", level);
    assert.equal(directive(csp, 'form-action'), "'none'", level);
    assert.equal(directive(csp, 'script-src'), "'nonce-n0nce'", level);
  }
});

test("the export's policy per level", () => {
  assert.match(exportCsp('strict'), /img-src 'self' data: file:;/);
  assert.match(exportCsp('allowRemote'), /img-src 'self' data: https: file:;/);
  assert.match(exportCsp('allowInsecure'), /img-src 'self' data: https: http: file:;/);
  assert.match(exportCsp('disabled'), /script-src 'none'/, 'an export never runs script, whatever the level');
});

test('the export leaves out the remote images the level does not allow, as their alt text', () => {
  const html = [
    '<p><img src="https://example.com/t.gif" alt="a &quot;pixel&quot; &amp; more"> <img src="figure.png" alt="local"></p>',
    '<p><img src="http://localhost:8000/x.png" alt="dev"></p>',
    '<picture><source srcset="https://example.com/big.png 2x"><img src="figure.png" srcset="figure.png 1x, https://example.com/b.png 2x" alt="both"></picture>',
  ].join('\n');
  const strict = omitRemoteImages(html, 'strict');
  assert.equal(
    strict,
    [
      '<p><span class="mathdown-omitted-image" title="Remote image left out: https://example.com/t.gif">a &quot;pixel&quot; &amp; more</span> <img src="figure.png" alt="local"></p>',
      '<p><span class="mathdown-omitted-image" title="Remote image left out: http://localhost:8000/x.png">dev</span></p>',
      '<picture><img src="figure.png" alt="both"></picture>',
    ].join('\n'),
  );
  const local = omitRemoteImages(html, 'allowInsecureLocal');
  assert.equal(local, html, 'https and local http stay');
  const remote = omitRemoteImages(html, 'allowRemote');
  assert.ok(remote.includes('<img src="https://example.com/t.gif"'));
  assert.ok(remote.includes('title="Remote image left out: http://localhost:8000/x.png">dev</span>'));
  assert.equal(omitRemoteImages(html, 'allowInsecure'), html);
});
