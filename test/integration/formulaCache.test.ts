import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, startClean, waitFor } from './helpers';
import { showFixture, waitForPreview } from './previewHelpers';

suite('formula cache', () => {
  suiteSetup(startClean);
  setup(closeAll);
  suiteTeardown(closeAll);

  test('the typeset formulas are saved to the global storage, and Clear Formula Cache deletes them and typesets afresh', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const shown = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    // Saved once the preview's render has been typeset into the cache (lint may render the document first).
    const file = await waitFor(async () => {
      const saved = await vscode.commands.executeCommand<string | undefined>('mathdown.test.saveFormulaCache');
      if (!saved || !existsSync(saved)) return undefined;
      const { slots } = JSON.parse(readFileSync(saved, 'utf8')) as { slots: Array<[string, number, string, unknown[]]> };
      const texts = new Set(slots.map(([, , tex]) => tex));
      return ['E = mc^2', '\\alpha + \\beta'].every((tex) => texts.has(tex)) && slots.length >= shown.svgCount / 2 ? saved : undefined;
    }, "the cache file holding the document's formulas");

    await vscode.commands.executeCommand('mathdown.clearFormulaCache');
    assert.equal(existsSync(file), false, 'the file is deleted');
    const again = await waitForPreview(
      editor.document,
      'the preview typeset afresh',
      (r) => r.svgCount === shown.svgCount && r.blocksCreated > shown.blocksCreated,
    );
    assert.equal(again.errorCount, shown.errorCount);
  });
});
