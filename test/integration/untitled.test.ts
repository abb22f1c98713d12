// Documents that are not files: an untitled one previews, lints and exports like a saved one (in
// the Node host here; test/web/suites.ts runs this suite in the web worker host too).
import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { activateMathdown, closeAll, fixtureUri, startClean, waitFor } from './helpers';
import { waitForPreview } from './previewHelpers';

const TEXT = '# Untitled notes\n\nEnergy $E = mc^2$ and a broken $a + \\nosuch$.\n';

const texErrors = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mathdown' && typeof d.code === 'object' && d.code.value === 'MM301');

suite('untitled documents', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
  });
  setup(async () => {
    await closeAll();
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: TEXT });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  });
  suiteTeardown(closeAll);

  test('an untitled document previews', async () => {
    assert.equal(doc.uri.scheme, 'untitled');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(doc, 'the untitled preview', (r) => r.svgCount + r.errorCount === 2);
    assert.equal(s.svgCount, 1);
    assert.equal(s.errorCount, 1);
  });

  test('an untitled document gets its diagnostics, and they follow an edit', async () => {
    const [error] = await waitFor(() => (texErrors(doc.uri).length === 1 ? texErrors(doc.uri) : undefined), 'the TeX error diagnostic');
    assert.equal(doc.getText(error!.range), '\\nosuch');
    const config = vscode.workspace.getConfiguration('mathdown');
    await config.update('lint.run', 'onType', vscode.ConfigurationTarget.Global);
    try {
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Also $\\other$.\n\n'));
      await waitFor(() => texErrors(doc.uri).length === 2, 'a second TeX error after the edit');
    } finally {
      await config.update('lint.run', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('an untitled document exports to the file an output argument names', async () => {
    const written = await vscode.commands.executeCommand<string>('mathdown.export.html', { uri: doc.uri, output: 'untitled-export.html' });
    const target = fixtureUri('untitled-export.html');
    assert.equal(written, target.scheme === 'file' ? target.fsPath : target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<title>Untitled notes<\/title>/);
    assert.match(html, /<svg[^>]*>/);
    await vscode.workspace.fs.delete(target);
  });
});
