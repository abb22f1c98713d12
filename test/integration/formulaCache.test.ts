import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { setup, suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, showFixture, waitForPreview } from './previewHelpers';

suite('formula cache', () => {
  setup(closeAll);
  suiteTeardown(closeAll);

  test('the typeset formulas are saved to the global storage, and Clear Formula Cache deletes them and typesets afresh', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const shown = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const file = await vscode.commands.executeCommand<string | undefined>('mathdown.test.saveFormulaCache');
    assert.ok(file && existsSync(file), `the cache file was written (${file})`);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { slots: Array<[string, number, string, unknown[]]> };
    const texts = new Set(saved.slots.map(([, , tex]) => tex));
    for (const tex of ['E = mc^2', '\\alpha + \\beta']) assert.ok(texts.has(tex), `the file holds ${tex}`);
    assert.ok(saved.slots.length >= shown.svgCount / 2, `the file holds the document's formulas (${saved.slots.length})`);

    await vscode.commands.executeCommand('mathdown.clearFormulaCache');
    assert.equal(existsSync(file), false, 'the file is deleted');
    const again = await waitForPreview(editor.document, 'the preview typeset afresh', (r) => r.svgCount === shown.svgCount && r.blocksCreated > shown.blocksCreated);
    assert.equal(again.errorCount, shown.errorCount);
  });
});
