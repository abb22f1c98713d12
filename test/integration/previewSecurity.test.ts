import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE } from '../../src/vscode/preview/previewPanel';
import { closeAll, startClean, waitFor } from './helpers';
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
});
