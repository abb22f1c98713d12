// A folder opened untrusted (workspace trust on, nothing trusted): Mathdown declares
// `untrustedWorkspaces: "limited"`, so the preview, diagnostics and export keep working, and only
// the setting that names a path (mathdown.export.folder) is taken from the user's settings alone.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportUi } from '../../../src/vscode/export/exportUi';
import { activateMathdown, closeAll, fixtureUri, startClean, waitFor } from '../helpers';
import { showFixture, waitForPreview } from '../previewHelpers';

const texErrors = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mathdown' && typeof d.code === 'object' && d.code.value === 'MM301');

/** Answers every question of the export command with nothing (no dialog is expected). */
const quietUi: ExportUi = {
  showWarningMessage: async () => undefined,
  showInformationMessage: async () => undefined,
  showErrorMessage: async () => undefined,
  showSaveDialog: async () => undefined,
  withProgress: (_options, task) => task({ report: () => {} }, new vscode.CancellationTokenSource().token),
  openExternal: async () => false,
  revealFileInOS: async () => undefined,
};

suite('Restricted Mode (an untrusted folder)', () => {
  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
  });
  suiteTeardown(async () => {
    // The stubbed dialogs go back to VS Code's own (the test command exists once Mathdown is active).
    if (vscode.extensions.getExtension('mathdown.mathdown')?.isActive) await vscode.commands.executeCommand('mathdown.test.exportUi');
    await closeAll();
  });

  test('the folder is not trusted and Mathdown is active', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(vscode.extensions.getExtension('mathdown.mathdown')?.isActive);
  });

  test('the preview typesets every formula', async () => {
    const editor = await showFixture('errors.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(editor.document, 'the preview', (r) => r.svgCount > 0 && r.errorCount === 1);
    assert.ok(s.svgCount >= 1);
    assert.equal(s.bannerShown, false);
  });

  test('a broken formula gets its diagnostic', async () => {
    const editor = await showFixture('errors.md');
    await waitFor(() => texErrors(editor.document.uri).length > 0, 'the TeX error diagnostic');
  });

  test("export writes beside the document: the workspace's export.folder is not applied here, its export.theme is", async () => {
    // The workspace's settings file, as a cloned repository could bring it.
    const settingsFile = fixtureUri('.vscode/settings.json');
    const settings = { 'mathdown.export.folder': 'elsewhere', 'mathdown.export.theme': 'dark' };
    await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(settings)));
    // The file has been read once the setting that is not restricted applies.
    await waitFor(() => vscode.workspace.getConfiguration('mathdown').get('export.theme') === 'dark', 'the workspace settings read');
    assert.equal(vscode.workspace.getConfiguration('mathdown').get('export.folder'), '', 'the restricted setting is not applied');
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.test.exportUi', quietUi);
    const written = await vscode.commands.executeCommand<string>('mathdown.export.html');
    assert.equal(written, fixtureUri('basic.html').fsPath, 'beside the document, not in elsewhere/');
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('basic.html')));
    assert.match(html, /<svg[^>]*>/);
    assert.match(html, /<body class="mathdown-dark">/);
    assert.equal(editor.document.isDirty, false);
    await vscode.workspace.fs.delete(settingsFile);
  });
});
