import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, startClean, waitFor } from './helpers';

suite('extension host', () => {
  suiteSetup(startClean);

  test('runs in a Node extension host with the real vscode API', () => {
    assert.ok(vscode.version);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the fixture workspace is open');
  });

  test('activates on a Markdown document', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('basic.md'));
    assert.equal(doc.languageId, 'markdown');
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension('mathdown.mathdown');
    assert.ok(ext, 'extension mathdown.mathdown is loaded');
    await waitFor(() => ext.isActive, 'the extension to activate');
  });
});
