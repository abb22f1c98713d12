import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { parseMarkdown } from '../../src/core/markdown';
import { PREVIEW_VIEW_TYPE } from '../../src/vscode/preview/previewPanel';
import { closeAll, fixtureUri, startClean, waitFor } from './helpers';
import { showFixture, snapshot, waitForPreview } from './previewHelpers';

function editorTop(editor: vscode.TextEditor): number {
  return editor.visibleRanges[0]?.start.line ?? -1;
}

function formulaCount(doc: vscode.TextDocument): number {
  return parseMarkdown(doc.getText()).formulas.length;
}

suite('preview', () => {
  suiteSetup(startClean);
  setup(closeAll);
  suiteTeardown(closeAll);

  test('opens to the side with one SVG per formula', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const expected = formulaCount(editor.document);
    assert.ok(expected >= 5, `the fixture has formulas (${expected})`);
    const s = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    assert.equal(s.svgCount, expected);
    assert.equal(s.errorCount, 0);
    assert.equal(s.bannerShown, false);
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'focus stays in the editor');
  });

  test("Open Preview opens in the editor's own group and takes the focus", async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.open');
    const s = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    assert.equal(s.svgCount, formulaCount(editor.document));
    const group = vscode.window.tabGroups.activeTabGroup;
    const tab = group.activeTab;
    assert.ok(
      tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PREVIEW_VIEW_TYPE),
      `the active tab is the preview (${tab?.label})`,
    );
    assert.equal(group.viewColumn, vscode.ViewColumn.One);
    assert.ok(
      group.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === editor.document.uri.toString()),
      "beside the editor's tab",
    );
  });

  test('Refresh Preview builds every block again', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const before = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    await vscode.commands.executeCommand('mathdown.preview.refresh');
    const after = await waitForPreview(editor.document, 'the refreshed preview', (r) => r.blocksCreated > before.blocksCreated);
    assert.equal(after.blocksCreated - before.blocksCreated, before.blockCount, 'every block was built again');
    assert.equal(after.svgCount, before.svgCount);
    assert.equal(after.blockCount, before.blockCount);
  });

  test('an edit shows up without rebuilding the unchanged blocks', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const before = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\n\nA new formula $x^2 + y^2 = z^2$ at the end.\n')));
    const after = await waitForPreview(editor.document, 'the edit to reach the preview', (r) => r.svgCount === before.svgCount + 1);
    assert.equal(after.svgCount, formulaCount(editor.document));
    assert.equal(after.blockCount, before.blockCount + 1);
    assert.equal(after.blocksCreated - before.blocksCreated, 1, 'only the new block was built');
  });

  test('a line inserted at the top moves the blocks below without rebuilding them', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const before = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'An opening line with $q$.\n\n')));
    const after = await waitForPreview(editor.document, 'the insertion to reach the preview', (r) => r.svgCount === before.svgCount + 1);
    assert.equal(after.blocksCreated - before.blocksCreated, 1, 'only the new paragraph was built');
    const last = editor.document.lineCount - 2;
    editor.selection = new vscode.Selection(last, 0, last, 0);
    await waitForPreview(editor.document, 'the cursor mark on the moved last block', (r) => r.activeLine !== null && r.activeLine > 10);
  });

  test('the block under the editor cursor is marked from the first render on', async () => {
    const editor = await showFixture('long.md');
    const line = editor.document.getText().split('\n').indexOf('## Section 3');
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the mark on the cursor block', (r) => r.svgCount > 0 && r.activeLine === line);
  });

  test('a TeX error shows its box in place and the rest still renders', async () => {
    const editor = await showFixture('errors.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(editor.document, 'the render with an error', (r) => r.errorCount > 0);
    assert.equal(s.errorCount, 1);
    assert.equal(s.svgCount, formulaCount(editor.document) - 1);
    assert.equal(s.bannerShown, false);
  });

  test('scrolling the editor scrolls the preview, and the other way round', async () => {
    const editor = await showFixture('long.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    editor.revealRange(new vscode.Range(120, 0, 120, 0), vscode.TextEditorRevealType.AtTop);
    await waitForPreview(editor.document, 'the preview to follow the editor', (r) => {
      const top = editorTop(editor);
      return top > 100 && Math.abs(r.firstVisibleLine - top) <= 2;
    });

    await vscode.commands.executeCommand('mathdown.test.scrollPreview', 40);
    await waitForPreview(editor.document, 'the editor to follow the preview', (r) => {
      const top = editorTop(editor);
      return r.firstVisibleLine < 60 && top < 60 && Math.abs(r.firstVisibleLine - top) <= 2;
    });
  });

  test('follows the active Markdown editor unless locked', async () => {
    const basic = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(basic.document, 'basic.md in the preview');
    const other = await showFixture('other.md');
    await waitForPreview(other.document, 'the preview to follow to other.md', (r) => r.svgCount === 1);

    await vscode.commands.executeCommand('mathdown.preview.toggleLock');
    assert.equal((await snapshot()).locked, true);
    await showFixture('basic.md');
    // The preview follows synchronously on the active-editor event, which precedes this point.
    const s = await snapshot();
    assert.equal(s.uri, other.document.uri.toString(), 'a locked preview stays on its document');
    assert.equal(s.state?.locked, true);
  });

  test('is restored from its saved state by the panel serializer', async () => {
    const editor = await showFixture('long.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    editor.revealRange(new vscode.Range(80, 0, 80, 0), vscode.TextEditorRevealType.AtTop);
    const before = await waitForPreview(
      editor.document,
      'the scrolled preview',
      (r) => r.firstVisibleLine > 60 && (r.state?.line ?? 0) > 60,
    );
    const state = before.state!;

    await closeAll();
    await assert.rejects(Promise.resolve(snapshot()), 'no preview is left');
    await showFixture('long.md');
    // What VS Code does after a window reload: a fresh panel of our view type plus the saved state.
    await vscode.commands.executeCommand('mathdown.test.revivePreview', state);
    const after = await waitForPreview(
      editor.document,
      'the revived preview',
      (r) => r.svgCount === before.svgCount && Math.abs(r.firstVisibleLine - before.firstVisibleLine) <= 2,
    );
    assert.equal(after.uri, state.source);
    assert.equal(after.locked, false);
  });

  test('links: anchors and \\eqref scroll the preview, Markdown files open in the editor', async () => {
    const editor = await showFixture('links.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const heading = editor.document.getText().split('\n').indexOf('## Far section');

    await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href="#far-section"]');
    await waitForPreview(editor.document, 'the heading link to scroll the preview', (r) => Math.abs(r.firstVisibleLine - heading) <= 1);

    await vscode.commands.executeCommand('mathdown.test.scrollPreview', 0);
    await waitForPreview(editor.document, 'the preview back at the top', (r) => r.firstVisibleLine < 5);
    await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href^="#mjx-eqn"]');
    await waitForPreview(editor.document, 'the \\eqref link to scroll to its equation', (r) => r.firstVisibleLine > heading);

    await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href="other.md"]');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/other.md'), 'other.md to open in the editor');
  });

  test('links: a fragment opens the other Markdown file at the heading it names, a repeated one too', async () => {
    const editor = await showFixture('links.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const other = (await vscode.workspace.openTextDocument(fixtureUri('other.md'))).getText().split('\n');
    const second = other.lastIndexOf('## Intro');
    assert.ok(second > other.indexOf('## Intro'), 'other.md has two headings "Intro"');

    await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href="other.md#intro-1"]');
    const opened = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/other.md') && e.selection.active.line > 0 ? e : undefined;
    }, 'other.md to open at a heading');
    assert.equal(opened.selection.active.line, second, 'the cursor on the second "## Intro" (id intro-1)');
  });

  test('links: an https link goes to vscode.env.openExternal', async () => {
    const editor = await showFixture('links.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    // The extension host leaves `vscode.env` unfrozen when it runs tests, for stubs like this one;
    // the extension and this suite share the one API object of the extension.
    const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
    const openExternal = env.openExternal;
    const opened: string[] = [];
    env.openExternal = (uri) => {
      opened.push(uri.toString(true));
      return Promise.resolve(true);
    };
    try {
      await vscode.commands.executeCommand('mathdown.test.clickInPreview', 'a[href^="https:"]');
      await waitFor(() => opened.length > 0, 'openExternal to be called');
    } finally {
      env.openExternal = openExternal;
    }
    assert.deepEqual(opened, ['https://example.com/mathdown?page=1#top']);
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'no editor opened for it');
  });

  test("a relative image loads from the document's folder through a webview resource URI", async () => {
    const editor = await showFixture('pictures/figure.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(
      editor.document,
      'the image to load',
      (r) => r.svgCount > 0 && r.images.length > 0 && r.images.every((i) => i.naturalWidth > 0),
    );
    assert.equal(s.images.length, 1);
    const src = new URL(s.images[0]!.src);
    console.log(`      image src: ${src.href}`);
    assert.equal(s.images[0]!.naturalWidth, 12, 'the fixture PNG is 12 pixels wide');
    assert.match(src.hostname, /vscode-resource/, 'a webview resource URI');
    assert.ok(
      decodeURIComponent(src.pathname).endsWith(fixtureUri('pictures/img.png').path),
      `${src.pathname} is the PNG beside the document`,
    );
  });

  test('a failed render keeps the last preview and shows a banner', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const before = await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    await vscode.commands.executeCommand('mathdown.test.failNextRender');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Typed $z$.\n\n')));
    await waitFor(async () => (await snapshot()).bannerShown, 'the error banner');
    const failed = await snapshot();
    assert.equal(failed.svgCount, before.svgCount, 'the previous content stays');
    assert.equal(failed.version, before.version);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'More. ')));
    await waitForPreview(editor.document, 'the next good render', (r) => !r.bannerShown && r.svgCount === before.svgCount + 1);
  });

  test('double-click in the preview puts the editor cursor on that line', async () => {
    const editor = await showFixture('long.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const line = editor.document.getText().split('\n').indexOf('## Section 20');
    await vscode.commands.executeCommand('mathdown.test.clickInPreview', `h2[data-line="${line}"]`, 'dblclick');
    await waitFor(() => vscode.window.activeTextEditor?.selection.active.line === line, `the cursor on line ${line}`);
  });

  test('a settings change re-renders open previews', async () => {
    const config = vscode.workspace.getConfiguration('mathdown');
    const editor = await showFixture('macros.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'undefined macros', (r) => r.errorCount === 2);
    try {
      await config.update('math.macros', { RR: '\\mathbb{R}' }, vscode.ConfigurationTarget.Workspace);
      const s = await waitForPreview(editor.document, 'the macros from the settings', (r) => r.errorCount === 0);
      assert.equal(s.svgCount, 2);
    } finally {
      await config.update('math.macros', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
