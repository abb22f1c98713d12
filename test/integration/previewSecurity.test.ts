import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { SecurityLevel } from '../../src/shared/remoteContent';
import { PREVIEW_VIEW_TYPE } from '../../src/vscode/preview/previewPanel';
import type { SecurityPickItem, SecurityUi } from '../../src/vscode/previewSecurity/securitySelector';
import { closeAll, fixtureUri, startClean, waitFor } from './helpers';
import { showFixture, waitForPreview, type Snapshot } from './previewHelpers';

/** The policy's directives by name, each with its source list as written. */
function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources.join(' ')]),
  );
}

function isPreviewTab(tab: vscode.Tab | undefined): boolean {
  return tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PREVIEW_VIEW_TYPE);
}

function openTabPaths(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.flatMap((t) =>
      t.input instanceof vscode.TabInputText || t.input instanceof vscode.TabInputCustom ? [t.input.uri.path] : [t.label],
    ),
  );
}

/** An HTTP server on 127.0.0.1 serving the fixture PNG at any path, counting the requests: the "remote" host. */
async function pictureServer(): Promise<{ server: Server; url: string; requests: string[] }> {
  const png = readFileSync(fixtureUri('pictures/img.png').fsPath);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
    res.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pixel.png`, requests };
}

/** Runs the security settings command with a picker that answers `level`; resolves to the items it was shown. */
async function chooseLevel(level: SecurityLevel, run: () => Thenable<unknown>): Promise<readonly SecurityPickItem[]> {
  let shown: readonly SecurityPickItem[] = [];
  const ui: SecurityUi = (items) => {
    shown = items;
    return Promise.resolve(items.find((i) => i.level === level));
  };
  await vscode.commands.executeCommand('mathdown.test.securityUi', ui);
  try {
    await run();
    await waitFor(() => shown.length > 0, 'the security picker');
  } finally {
    await vscode.commands.executeCommand('mathdown.test.securityUi');
  }
  return shown;
}

function setLevel(level: SecurityLevel): Promise<readonly SecurityPickItem[]> {
  return chooseLevel(level, () => vscode.commands.executeCommand('mathdown.preview.changeSecuritySettings', fixtureUri('basic.md')));
}

async function exported(uri: vscode.Uri, folder: string, name: string): Promise<string> {
  const output = await vscode.commands.executeCommand<string>('mathdown.export.html', { uri, output: join(folder, name) });
  return readFile(output, 'utf8');
}

suite('preview security', () => {
  suiteSetup(startClean);
  setup(closeAll);
  suiteTeardown(closeAll);

  test('the live page forbids <base> and form submissions, and runs only its own script', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    assert.ok(s.csp, 'the page has a Content-Security-Policy');
    console.log(`      preview CSP: ${s.csp}`);
    const policy = directives(s.csp);
    assert.equal(policy.get('base-uri'), "'none'");
    assert.equal(policy.get('form-action'), "'none'");
    assert.equal(policy.get('default-src'), "'none'");
    assert.match(policy.get('script-src') ?? '', /^'nonce-[A-Za-z0-9+/=]+'$/);
  });

  for (const [what, href] of [
    ['Markdown file', 'missing-file.md'],
    ['picture', 'nowhere/missing.png'],
  ] as const) {
    test(`a link to a missing ${what} opens nothing, keeps the preview in front and says so`, async () => {
      const editor = await showFixture('links.md');
      // In the editor's own group: an editor opened for the link would cover the preview.
      await vscode.commands.executeCommand('mathdown.preview.open');
      await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
      const group = vscode.window.tabGroups.activeTabGroup;
      assert.ok(isPreviewTab(group.activeTab), 'the preview is in front');
      const tabsBefore = openTabPaths();

      await vscode.commands.executeCommand('mathdown.test.clickInPreview', `a[href="${href}"]`);
      const s: Snapshot = await waitForPreview(editor.document, 'the message about the missing file', (r) => r.linkNotice !== null);
      assert.match(s.linkNotice!, new RegExp(href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.ok(isPreviewTab(group.activeTab), `the preview is still in front (${group.activeTab?.label})`);
      assert.deepEqual(openTabPaths(), tabsBefore, 'no editor was opened');

      // A link to a file that exists still opens as before.
      await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href="other.md"]');
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/other.md'), 'other.md to open in the editor');
    });
  }

  test('strict by default: a remote image is blocked with a notice; allowing it from the notice loads it; exports follow', async () => {
    const { server, url, requests } = await pictureServer();
    const doc = fixtureUri('remote-image.md');
    const folder = await mkdtemp(join(tmpdir(), 'mathdown-security-'));
    try {
      await vscode.workspace.fs.writeFile(doc, Buffer.from(`# Remote\n\nA formula $x^2$ and a remote picture: ![remote pixel](${url})\n`));
      const editor = await showFixture('remote-image.md');
      await vscode.commands.executeCommand('mathdown.preview.openToSide');
      const strict = await waitForPreview(
        editor.document,
        'the notice that content was blocked',
        (r) => r.svgCount > 0 && r.securityNoticeShown,
      );
      assert.deepEqual(
        strict.images.map((i) => [i.src, i.naturalWidth]),
        [[url, 0]],
        'the image is in the page but did not load',
      );
      assert.deepEqual(strict.blockedContent, [url]);
      const strictImages = (directives(strict.csp ?? '').get('img-src') ?? '').split(' ');
      assert.ok(
        !strictImages.some((source) => /^https?:(\/\/(127|localhost)|$)/.test(source)),
        `no remote source in ${strictImages.join(' ')}`,
      );
      assert.deepEqual(requests, [], 'nothing reached the server');
      const strictPage = await exported(doc, folder, 'strict.html');
      assert.doesNotMatch(strictPage, /<img[^>]*127\.0\.0\.1/, 'the strict export does not link the image');
      assert.match(strictPage, /img-src 'self' data: file:;/, 'and its policy allows no remote image');
      assert.match(strictPage, /<span class="mathdown-omitted-image" title="Remote image left out: [^"]+">remote pixel<\/span>/);

      // One click on the notice opens the picker; choosing a level that allows the image reloads the page.
      const items = await chooseLevel('allowInsecureLocal', () =>
        vscode.commands.executeCommand('mathdown.test.clickInPreview', '#mathdown-security-notice'),
      );
      assert.deepEqual(
        items.map((i) => i.level),
        ['strict', 'allowRemote', 'allowInsecureLocal', 'allowInsecure', 'disabled'],
      );
      assert.equal(items.find((i) => i.label.startsWith('• '))?.level, 'strict', 'the current level is marked');
      const allowed = await waitForPreview(
        editor.document,
        'the image to load',
        (r) => r.svgCount > 0 && r.images.length === 1 && r.images[0]!.naturalWidth > 0,
      );
      assert.equal(allowed.images[0]!.naturalWidth, 12, 'the fixture PNG is 12 pixels wide');
      assert.equal(allowed.securityNoticeShown, false);
      assert.deepEqual(allowed.blockedContent, []);
      assert.match(allowed.csp ?? '', /img-src [^;]*http:\/\/127\.0\.0\.1:\*/);
      assert.match(allowed.csp ?? '', /base-uri 'none'/);
      assert.ok(requests.length > 0, 'the server was asked for the image');
      const allowedPage = await exported(doc, folder, 'allowed.html');
      assert.ok(allowedPage.includes(`<img src="${url}"`), 'the export links the image');
      assert.match(allowedPage, /img-src [^;]*http:\/\/127\.0\.0\.1:\*/);

      // Disabled: the page has no policy at all (as VS Code's "Disable").
      await setLevel('disabled');
      const disabled = await waitForPreview(editor.document, 'the page without a policy', (r) => r.svgCount > 0 && r.csp === null);
      assert.equal(disabled.images[0]!.naturalWidth, 12);
    } finally {
      await setLevel('strict');
      server.close();
      await vscode.workspace.fs.delete(doc).then(undefined, () => undefined);
      await rm(folder, { recursive: true, force: true });
    }
  });
});
