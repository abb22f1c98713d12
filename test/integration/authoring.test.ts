import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const CONTENT = [
  'Macros $\\newcommand{\\RR}{\\mathbb{R}}$ here.',
  '',
  'Energy $x \\in \\RR + \\fr$ and $E = mc^2$.',
  '',
  'Plain text \\fr outside, and `$\\fr$` in code.',
  '',
  '$$',
  'a = b \\label{eq:first}',
  '$$',
  '',
  'See $\\eqref{eq:first}$.',
  '',
].join('\n');

function positionAfter(doc: vscode.TextDocument, needle: string, occurrence = 1): vscode.Position {
  let at = -1;
  for (let k = 0; k < occurrence; k++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the document`);
  return doc.positionAt(at + needle.length);
}

async function completionLabels(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '\\');
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function hoverMarkdown(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('authoring: completion and hover inside math', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: CONTENT });
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension('mathdown.mathdown');
    assert.ok(ext);
    await ext.activate();
  });

  test('inside $…$ completion offers \\frac and the document\'s own macros', async () => {
    const labels = await waitFor(async () => {
      const l = await completionLabels(doc, positionAfter(doc, '\\RR + \\fr'));
      return l.includes('\\frac') ? l : undefined;
    }, 'TeX completions inside math');
    assert.ok(labels.includes('\\RR'), 'the \\newcommand macro of the document');
    assert.ok(labels.includes('\\alpha'));
  });

  test('outside math (prose and code spans) none of them is offered', async () => {
    for (const position of [positionAfter(doc, 'Plain text \\fr'), positionAfter(doc, '`$\\fr')]) {
      const labels = await completionLabels(doc, position);
      for (const l of ['\\frac', '\\RR', '\\alpha']) assert.ok(!labels.includes(l), `${l} offered outside math`);
    }
  });

  test('the formula snippets are offered inside math', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionAfter(doc, '\\RR + \\fr'));
    const snippet = list.items.find((i) => i.label === 'frac' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, 'the frac snippet');
    assert.ok(snippet.insertText instanceof vscode.SnippetString);
  });

  test('hover inside a formula returns its typeset image', async () => {
    const md = await waitFor(async () => {
      const m = await hoverMarkdown(doc, positionAfter(doc, '$E = m'));
      return m.includes('data:image/svg+xml;base64,') ? m : undefined;
    }, 'a hover with an image', 30_000);
    assert.match(md, /!\[formula\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });

  test('hover on \\eqref shows the labelled equation', async () => {
    const md = await waitFor(async () => {
      const m = await hoverMarkdown(doc, positionAfter(doc, '\\eqref{eq:f'));
      return m.includes('data:image/svg+xml') ? m : undefined;
    }, 'a hover for the reference', 30_000);
    assert.match(md, /eq:first/);
  });

  test('no hover outside math', async () => {
    const md = await hoverMarkdown(doc, positionAfter(doc, 'Plain te'));
    assert.doesNotMatch(md, /data:image\/svg/);
  });
});
