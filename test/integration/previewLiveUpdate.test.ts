// How edits reach an open preview: held back by `mathdown.preview.debounceMs`, then patched in
// without disturbing what the reader did on the page (open <details>, scroll position).
import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, startClean, waitFor } from './helpers';
import { showFixture, snapshot, waitForPreview } from './previewHelpers';

/** Long enough that the first snapshot after an edit comes back well before it, even on a loaded machine. */
const DEBOUNCE_MS = 3000;
/** Node's timers and Date.now() may disagree by a millisecond or so. */
const CLOCK_SLACK_MS = 20;

function editorTop(editor: vscode.TextEditor): number {
  return editor.visibleRanges[0]?.start.line ?? -1;
}

suite('preview live update', () => {
  suiteSetup(startClean);
  setup(closeAll);
  suiteTeardown(closeAll);

  test('mathdown.preview.debounceMs holds an edit back that long before it reaches the preview', async () => {
    const config = vscode.workspace.getConfiguration('mathdown');
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    try {
      await config.update('preview.debounceMs', DEBOUNCE_MS, vscode.ConfigurationTarget.Workspace);
      const before = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
      // The preview starts its debounce timer in the same change event as this listener runs.
      let changedAt = 0;
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === editor.document && !changedAt) changedAt = Date.now();
      });
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      try {
        assert.ok(await editor.edit((b) => b.insert(end, '\n\nTyped $t^2$ at the end.\n')));
      } finally {
        listener.dispose();
      }
      const edited = editor.document.version;
      const seen: { version: number; svgCount: number; answeredAt: number }[] = [];
      await waitFor(async () => {
        const s = await snapshot();
        seen.push({ version: s.version, svgCount: s.svgCount, answeredAt: Date.now() });
        return s.version === edited && !s.provisional;
      }, 'the edit to reach the preview');

      console.log(
        `      debounce ${DEBOUNCE_MS} ms: ${seen.length} snapshots, the first ${seen[0]!.answeredAt - changedAt} ms after the edit, the edit shown ${seen.at(-1)!.answeredAt - changedAt} ms after it`,
      );
      assert.ok(changedAt > 0, 'the change event came');
      assert.equal(seen[0]!.version, before.version, 'right after the edit the preview still shows the text before it');
      assert.equal(seen[0]!.svgCount, before.svgCount);
      for (const s of seen.filter((x) => x.version === edited)) {
        assert.ok(
          s.answeredAt >= changedAt + DEBOUNCE_MS - CLOCK_SLACK_MS,
          `the edit showed ${s.answeredAt - changedAt} ms after it, before the debounce ran out`,
        );
      }
      assert.equal(seen.at(-1)!.svgCount, before.svgCount + 1, 'then the preview shows the edit');
    } finally {
      await config.update('preview.debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('an edit to another block keeps an open <details> open and the scroll position', async () => {
    const editor = await showFixture('details.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0 && r.openDetails === 0);
    const lines = editor.document.getText().split('\n');
    const details = lines.indexOf('<details>');
    await vscode.commands.executeCommand('mathdown.test.scrollPreview', details - 4);
    // The editor follows the preview; wait until both have settled (the preview may be scrolled
    // once more to the line the editor reports back).
    let last = -1;
    await waitForPreview(editor.document, 'the editor to follow the preview', (r) => {
      const settled = Math.abs(editorTop(editor) - r.firstVisibleLine) <= 2 && r.firstVisibleLine > 10 && r.scrollTop === last;
      last = r.scrollTop;
      return settled;
    });
    await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'details > summary');
    const opened = await waitForPreview(editor.document, 'the <details> to open', (r) => r.openDetails === 1);

    // The opening paragraph, far above the viewport: same length, so the same height.
    const opening = lines.findIndex((l) => l.includes('$a = 1$'));
    const at = lines[opening]!.indexOf('$a = 1$');
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(opening, at, opening, at + 7), '$a = 2$')));
    const after = await waitForPreview(editor.document, 'the edit to reach the preview');
    assert.equal(after.blocksCreated - opened.blocksCreated, 1, 'only the edited paragraph was built again');
    assert.equal(after.openDetails, 1, 'the <details> is still open');
    assert.equal(after.scrollTop, opened.scrollTop, 'the preview did not scroll');
    assert.equal(after.firstVisibleLine, opened.firstVisibleLine);
  });
});
