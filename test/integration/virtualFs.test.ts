// Documents on a file system that is not the disk (github.dev's `vscode-vfs:`, a remote's, an
// extension's): here a FileSystemProvider on a scheme of the suite's own (memFs.ts), registered in
// the extension host the suite runs in, as github.dev's is. A document there with an image beside it
// previews with the image read through a webview resource URI, gets its diagnostics, and exports to
// a page written back through workspace.fs with the image embedded. test/web/suites.ts runs this
// suite in the web worker host too.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportUi } from '../../src/vscode/export/exportUi';
import { activateMathdown, closeAll, fixtureUri, startClean, waitFor } from './helpers';
import { MemFs } from './memFs';
import { waitForPreview } from './previewHelpers';

const SCHEME = 'mathdown-memfs';
const TEXT =
  '# Virtual notes\n\nA picture: ![a small red rectangle](pictures/dot.png)\n\nEnergy $E = mc^2$ and a broken $a + \\nosuch$.\n\nSee [the other notes](other.md#second).\n';
const OTHER = '# Other notes\n\nFirst.\n\n## Second\n\nHere.\n';

const texErrors = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mathdown' && typeof d.code === 'object' && d.code.value === 'MM301');

suite('virtual file system', () => {
  const folder = vscode.Uri.from({ scheme: SCHEME, path: '/notes' });
  const docUri = vscode.Uri.joinPath(folder, 'figure.md');
  let registration: vscode.Disposable | undefined;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, new MemFs(), { isCaseSensitive: true });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'pictures'));
    const png = await vscode.workspace.fs.readFile(fixtureUri('pictures/img.png'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'pictures', 'dot.png'), png);
    await vscode.workspace.fs.writeFile(docUri, new TextEncoder().encode(TEXT));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'other.md'), new TextEncoder().encode(OTHER));
    doc = await vscode.workspace.openTextDocument(docUri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  });
  suiteTeardown(async () => {
    await closeAll();
    registration?.dispose();
  });

  test('a document on a provider scheme previews, its image read through a webview resource URI', async () => {
    assert.equal(doc.uri.scheme, SCHEME);
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(
      doc,
      'the virtual document typeset with its image loaded',
      (r) => r.svgCount + r.errorCount === 2 && r.images.length === 1 && r.images[0]!.naturalWidth > 0,
    );
    assert.equal(s.svgCount, 1);
    assert.equal(s.errorCount, 1);
    const src = new URL(s.images[0]!.src);
    assert.equal(s.images[0]!.naturalWidth, 12, 'the fixture PNG is 12 pixels wide');
    assert.match(src.hostname, /vscode-resource/, `a webview resource URI: ${src.href}`);
    assert.match(src.hostname, new RegExp(`^${SCHEME}`), `on the document's scheme: ${src.href}`);
    assert.ok(decodeURIComponent(src.pathname).endsWith('/notes/pictures/dot.png'), `${src.pathname} is the PNG beside the document`);
  });

  test('a relative link in its preview opens the linked document on the same scheme, at the heading', async () => {
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(doc, 'the preview of the virtual document', (r) => r.svgCount > 0);
    await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href="other.md#second"]');
    const opened = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === vscode.Uri.joinPath(folder, 'other.md').toString() && e.selection.active.line > 0
        ? e
        : undefined;
    }, 'other.md to open at its second heading');
    assert.equal(opened.selection.active.line, 4);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  });

  test('a document on a provider scheme gets its TeX diagnostic', async () => {
    const [error] = await waitFor(() => (texErrors(doc.uri).length === 1 ? texErrors(doc.uri) : undefined), 'the TeX error diagnostic');
    assert.equal(doc.getText(error!.range), '\\nosuch');
  });

  test('Export to HTML writes the page beside the document through the provider, with the image embedded', async () => {
    const target = vscode.Uri.joinPath(folder, 'figure.html');
    // No output argument: the page goes beside the document, as the command does for a user, and
    // its dialogs are recorded here (no Replace question or Save dialog: the provider's file system
    // is writable and nothing is there yet; then the offer to open it, in an editor: no Reveal).
    const asked: string[] = [];
    const record =
      (kind: string) =>
      (message: string, ...rest: unknown[]) => {
        asked.push(`${kind}: ${message} [${rest.filter((r) => typeof r === 'string').join(', ')}]`);
        return Promise.resolve(undefined);
      };
    const ui: ExportUi = {
      showWarningMessage: record('warning'),
      showInformationMessage: record('information'),
      showErrorMessage: record('error'),
      showSaveDialog: () => record('saveDialog')(''),
      withProgress: (_options, task) => task({ report: () => undefined }, new vscode.CancellationTokenSource().token),
      openExternal: () => record('openExternal')('').then(() => false),
      revealFileInOS: () => record('revealFileInOS')(''),
    };
    await vscode.commands.executeCommand('mathdown.test.exportUi', ui);
    let written: string | undefined;
    try {
      written = await vscode.commands.executeCommand<string>('mathdown.export.html', { uri: doc.uri });
      await waitFor(() => asked.length > 0, 'the offer to open the page');
    } finally {
      await vscode.commands.executeCommand('mathdown.test.exportUi');
    }
    assert.equal(written, target.toString());
    assert.deepEqual(asked, ['information: Exported figure.html. [Open]']);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<title>Virtual notes<\/title>/);
    assert.match(html, /<svg[^>]*>/);
    assert.match(html, /src="data:image\/png;base64,/, 'the image beside the document embedded');
    // And to a folder named relative to the document's.
    const again = await vscode.commands.executeCommand<string>('mathdown.export.html', { uri: doc.uri, output: 'site/page.html' });
    assert.equal(again, vscode.Uri.joinPath(folder, 'site', 'page.html').toString());
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(again))), /<title>Virtual notes<\/title>/);
  });
});
