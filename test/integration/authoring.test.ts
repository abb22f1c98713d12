import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { startClean, waitFor } from './helpers';

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
  'Broken $a + \\nosuch{b}$ here.',
  '',
  'Type displaym here, or in math $a + displaym$.',
  '',
].join('\n');

function positionAfter(doc: vscode.TextDocument, needle: string, occurrence = 1): vscode.Position {
  let at = -1;
  for (let k = 0; k < occurrence; k++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the document`);
  return doc.positionAt(at + needle.length);
}

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

async function completionLabels(doc: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    position,
    trigger,
  );
  return list.items.map(labelOf);
}

const markdownText = (d: vscode.CompletionItem['documentation']): string => (d === undefined ? '' : typeof d === 'string' ? d : d.value);

async function hoverMarkdown(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('authoring: completion and hover inside math', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    await startClean();
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: CONTENT });
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension('mathdown.mathdown');
    assert.ok(ext);
    await ext.activate();
  });

  test("inside $…$ completion offers \\frac and the document's own macros", async () => {
    const labels = await waitFor(async () => {
      const l = await completionLabels(doc, positionAfter(doc, '\\RR + \\fr'), '\\');
      return l.includes('\\frac') ? l : undefined;
    }, 'TeX completions inside math');
    assert.ok(labels.includes('\\RR'), 'the \\newcommand macro of the document');
    assert.ok(labels.includes('\\alpha'));
  });

  test('outside math (prose and code spans) none of them is offered', async () => {
    for (const position of [positionAfter(doc, 'Plain text \\fr'), positionAfter(doc, '`$\\fr')]) {
      const labels = await completionLabels(doc, position, '\\');
      for (const l of ['\\frac', '\\RR', '\\alpha']) assert.ok(!labels.includes(l), `${l} offered outside math`);
    }
  });

  test('the formula snippets are offered inside math', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      positionAfter(doc, '\\RR + \\fr'),
    );
    const snippet = list.items.find((i) => i.label === 'frac' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, 'the frac snippet');
    assert.ok(snippet.insertText instanceof vscode.SnippetString);
  });

  test('hover inside a formula returns its typeset image', async () => {
    const md = await waitFor(
      async () => {
        const m = await hoverMarkdown(doc, positionAfter(doc, '$E = m'));
        return m.includes('data:image/svg+xml;base64,') ? m : undefined;
      },
      'a hover with an image',
      30_000,
    );
    assert.match(md, /!\[formula\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });

  test('hover on \\eqref shows the labelled equation', async () => {
    const md = await waitFor(
      async () => {
        const m = await hoverMarkdown(doc, positionAfter(doc, '\\eqref{eq:f'));
        return m.includes('data:image/svg+xml') ? m : undefined;
      },
      'a hover for the reference',
      30_000,
    );
    assert.match(md, /eq:first/);
  });

  test('the math-block snippet displaymath is offered outside math and not inside $…$', async () => {
    // Snippets are offered for the word before the cursor; the same word in prose and in math.
    await waitFor(
      async () => (await completionLabels(doc, positionAfter(doc, 'Type displaym'))).includes('displaymath'),
      'the block snippet in prose',
    );
    // Inside math the language at the cursor is the embedded mathdown-math, whose snippet it is not (VS Code
    // falls back to the document's language for a language without a name, so mathdown-math has an alias).
    const inside = await waitFor(async () => {
      const l = await completionLabels(doc, positionAfter(doc, '$a + displaym'));
      return l.includes('frac') && !l.includes('displaymath') ? l : undefined;
    }, 'the formula snippets and no block snippet inside $…$');
    assert.ok(!inside.includes('displaymath'));
  });

  test('hover on a formula with an undefined control sequence shows the TeX error', async () => {
    const md = await waitFor(
      async () => {
        const m = await hoverMarkdown(doc, positionAfter(doc, '$a + \\nos'));
        return m.includes('UndefinedControlSequence') ? m : undefined;
      },
      'a hover with the TeX error',
      30_000,
    );
    assert.match(md, /\*\*UndefinedControlSequence\*\*: Undefined(?:&nbsp;| )control(?:&nbsp;| )sequence(?:&nbsp;| )\\+nosuch/);
  });

  test('resolving the \\frac completion gives documentation with its typeset image', async () => {
    const position = positionAfter(doc, '\\RR + \\fr');
    const unresolved = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      position,
      '\\',
    );
    const index = unresolved.items.findIndex((i) => labelOf(i) === '\\frac');
    assert.ok(index >= 0, '\\frac is offered');
    assert.doesNotMatch(markdownText(unresolved.items[index].documentation), /data:image/);
    // The command resolves the first itemResolveCount items of its (sorted) list: up to \frac.
    const resolved = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      position,
      '\\',
      index + 1,
    );
    const frac = resolved.items[index];
    assert.equal(labelOf(frac), '\\frac');
    assert.match(markdownText(frac.documentation), /!\[\\*frac\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    console.log(`      resolved ${index + 1} completion items to reach \\frac`);
  });

  test('no hover outside math', async () => {
    const md = await hoverMarkdown(doc, positionAfter(doc, 'Plain te'));
    assert.doesNotMatch(md, /data:image\/svg/);
  });
});

suite('authoring: editing inside math (language configuration)', () => {
  const LINES = ['Sum $x + \\alpha$ and prose.', '', '$$', 'a + b', '$$', ''];
  let editor: vscode.TextEditor;
  suiteSetup(async () => {
    await startClean();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: LINES.join('\n') });
    editor = await vscode.window.showTextDocument(doc);
    await vscode.extensions.getExtension('mathdown.mathdown')?.activate();
  });

  /** Resets the document, puts the cursor after `before`, runs `act`, and returns the text of `before`'s line. */
  async function edited(before: string, act: () => Thenable<unknown>): Promise<string> {
    const doc = editor.document;
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), LINES.join('\n')));
    const at = doc.positionAt(doc.getText().indexOf(before) + before.length);
    editor.selections = [new vscode.Selection(at, at)];
    await act();
    return doc.lineAt(at.line).text;
  }

  /** Retries until the line is `expected`: the line's tokens, which say where math is, may come late. */
  async function expectEdit(before: string, act: () => Thenable<unknown>, expected: string): Promise<void> {
    let last = '';
    await waitFor(async () => (last = await edited(before, act)) === expected, 'the edited line', 30_000).catch(() =>
      assert.equal(last, expected, `editing after ${before}`),
    );
  }

  const type =
    (...keys: string[]) =>
    async () => {
      for (const text of keys) {
        await vscode.commands.executeCommand('type', { text });
        await vscode.commands.executeCommand('hideSuggestWidget');
      }
    };

  test("VS Code's markdown-math highlighting is installed, so both grammars meet here", function () {
    // In the web worker host (test/web) getExtension sees only that host's extensions, and
    // markdown-math (which has a Node entry) runs in the remote Node host: not observable there.
    if (typeof (globalThis as { process?: unknown }).process === 'undefined') this.skip();
    assert.ok(vscode.extensions.getExtension('vscode.markdown-math'));
  });

  test('inside math a word is a whole control sequence: the embedded language is mathdown-math, not LaTeX', async () => {
    // The editor's word at a position uses the word pattern of the language there; LaTeX's and
    // Markdown's would make "alpha" the word, without its backslash. Smart select starts with that word.
    const words = await waitFor(
      async () => {
        await edited('\\al', async () => undefined);
        const [chain] = await vscode.commands.executeCommand<vscode.SelectionRange[]>(
          'vscode.executeSelectionRangeProvider',
          editor.document.uri,
          [editor.selection.active],
        );
        const texts: string[] = [];
        for (let r: vscode.SelectionRange | undefined = chain; r; r = r.parent) texts.push(editor.document.getText(r.range));
        return texts.includes('\\alpha') ? texts : undefined;
      },
      'a selection step that is the control sequence \\alpha',
      30_000,
    );
    assert.ok(!words.includes('alpha'), 'no step selects "alpha" without its backslash');
  });

  test("toggling a line comment inside a display block uses TeX's %", async () => {
    await expectEdit('a + ', () => vscode.commands.executeCommand('editor.action.commentLine'), '% a + b');
    assert.equal(
      await edited('and pro', () => vscode.commands.executeCommand('editor.action.commentLine')),
      '<!-- Sum $x + \\alpha$ and prose. -->',
    );
  });

  test("typing { inside math closes it with }, by Markdown's pairs (VS Code takes auto-closing from the document's language)", async () => {
    await expectEdit('Sum $x', type('{'), 'Sum $x{} + \\alpha$ and prose.');
    await expectEdit('Sum $x', type('\\', '{'), 'Sum $x\\{} + \\alpha$ and prose.');
  });
});
