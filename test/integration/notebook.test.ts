// Notebooks in the real VS Code (its built-in .ipynb support, no Jupyter extension): Mathdown's
// notebook renderer shows Markdown cells' math as MathJax SVG (not KaTeX), numbers continue across
// cells, a cross-cell \eqref shows the right number, follows cells deleted and, clicked, reveals
// the cell of its label; a TeX error in a cell is a diagnostic, a macro from an earlier cell is not,
// and removing that macro re-lints the later cells; completion and hover know the other cells.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { ShownCell } from '../../src/shared/notebook/messages';
import { activateMathdown, fixtureUri, startClean, waitFor } from './helpers';

suite('notebooks', () => {
  let notebook: vscode.NotebookDocument;

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
    notebook = await vscode.workspace.openNotebookDocument(fixtureUri('notebook.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
  });

  // The notebook stays open: the runner's --screenshot shows it (docs/screenshots/notebook-*.png); the next suite's startClean closes it.

  const shown = (): Promise<ShownCell[] | undefined> =>
    Promise.resolve(vscode.commands.executeCommand<ShownCell[] | undefined>('mathdown.test.notebookShown', notebook.uri.toString()));

  const markdownTexts = () =>
    notebook
      .getCells()
      .filter((c) => c.kind === vscode.NotebookCellKind.Markup)
      .map((c) => c.document.getText());

  /** The shown cells in notebook order, once every Markdown cell is shown with its math typeset. */
  async function allShown(what: string): Promise<ShownCell[]> {
    return waitFor(
      async () => {
        const cells = await shown();
        if (!cells) return undefined;
        const texts = markdownTexts();
        const ordered = texts.map((t) => cells.find((c) => c.text === t));
        return ordered.every((c) => c && c.svg > 0 && !c.local) ? (ordered as ShownCell[]) : undefined;
      },
      what,
      180_000,
    );
  }

  test('Markdown cells show MathJax SVG, not KaTeX, numbered across cells; \\eqref finds another cell', async () => {
    const cells = await allShown('the notebook renderer to show every Markdown cell typeset');
    assert.deepEqual(
      cells.map((c) => c.katex),
      [0, 0, 0],
    );
    assert.deepEqual(
      cells.map((c) => c.numbers),
      [['(1)'], ['(2)', '(1)'], ['(2)']],
    );
  });

  test('a TeX error in a cell is a diagnostic; a macro from an earlier cell and a label of another cell are not', async () => {
    const [first, second, third] = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    const codes = (cell: vscode.NotebookCell) =>
      vscode.languages.getDiagnostics(cell.document.uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    await waitFor(() => codes(third!).includes('MM301'), 'the TeX error in the third cell to be reported');
    // Portability warnings may stand (`\\|` in the second cell is MM102); TeX errors and unknown labels must not.
    const texProblems = (cell: vscode.NotebookCell) => codes(cell).filter((c) => c === 'MM301' || c === 'MM302');
    assert.deepEqual(texProblems(first!), []);
    assert.deepEqual(texProblems(second!), [], 'the \\R of the first cell is known in the second');
    assert.deepEqual(texProblems(third!), ['MM301'], 'eq:norm of the second cell is known in the third');
    const error = vscode.languages
      .getDiagnostics(third!.document.uri)
      .find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'MM301')!;
    assert.equal(third!.document.getText(error.range), '\\fraq');
  });

  test('deleting the first cell renumbers the cells after it', async () => {
    const firstText = notebook.cellAt(0).document.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(0, 1))]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const cells = await waitFor(
      async () => {
        const all = await shown();
        const texts = markdownTexts();
        const ordered = texts.map((t) => all?.find((c) => c.text === t));
        return ordered.length === 2 && ordered.every((c) => c && c.numbers[0] === '(1)') ? (ordered as ShownCell[]) : undefined;
      },
      'the cells after the deleted one to show their new numbers',
      180_000,
    );
    assert.deepEqual(
      cells.map((c) => c.numbers),
      [['(1)', '(???)'], ['(1)']],
    );
    const restore = new vscode.WorkspaceEdit();
    restore.set(notebook.uri, [
      vscode.NotebookEdit.insertCells(0, [new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, firstText, 'markdown')]),
    ]);
    assert.ok(await vscode.workspace.applyEdit(restore));
    const back = await allShown('the first cell to come back');
    assert.deepEqual(
      back.map((c) => c.numbers),
      [['(1)'], ['(2)', '(1)'], ['(2)']],
    );
  });

  test('Export to HTML with the notebook in front writes the notebook as one page', async () => {
    await vscode.window.showNotebookDocument(notebook);
    const output = join(mkdtempSync(join(tmpdir(), 'mathdown-nb-it-')), 'notebook.html');
    await vscode.commands.executeCommand('mathdown.export.html', { output });
    const html = readFileSync(output, 'utf8');
    assert.deepEqual(
      [...html.matchAll(/<mtext>(\([^<]*\))<\/mtext>/g)].map((m) => m[1]),
      ['(1)', '(2)', '(1)', '(2)'],
    );
    assert.match(html, /<pre><code class="language-python">print\(1 \+ 1\)<\/code><\/pre>/);
  });

  test("removing an earlier cell's \\newcommand re-lints the cells after it; putting it back clears them", async () => {
    const [first, second] = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    const errors = (cell: vscode.NotebookCell) =>
      vscode.languages
        .getDiagnostics(cell.document.uri)
        .filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'MM301')
        .map((d) => cell.document.getText(d.range));
    // The previous tests deleted the first cell and put it back: the second cell's lint for the
    // restored context may still be on its way on a busy machine.
    await waitFor(() => errors(second!).length === 0, 'the second cell to know \\R before the edit', 120_000);
    const definition = '$\\newcommand{\\R}{\\mathbb{R}}$ ';
    const at = first!.document.getText().indexOf(definition);
    assert.ok(at >= 0, 'the first cell defines \\R');
    const range = new vscode.Range(first!.document.positionAt(at), first!.document.positionAt(at + definition.length));
    const remove = new vscode.WorkspaceEdit();
    remove.replace(first!.document.uri, range, '');
    assert.ok(await vscode.workspace.applyEdit(remove));
    // Only the first cell was edited: the second is linted again because its context changed.
    await waitFor(() => errors(second!).some((t) => t.includes('\\R')), 'the second cell to report \\R unknown', 120_000);
    const restore = new vscode.WorkspaceEdit();
    restore.insert(first!.document.uri, first!.document.positionAt(at), definition);
    assert.ok(await vscode.workspace.applyEdit(restore));
    await waitFor(() => errors(second!).length === 0, 'the second cell to know \\R again', 120_000);
  });

  test("completion and hover in a cell know the earlier cells' macros and the other cells' labels", async () => {
    const [, second, third] = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    const positionAfter = (doc: vscode.TextDocument, before: string) => doc.positionAt(doc.getText().indexOf(before) + before.length);
    const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const refs = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      third!.document.uri,
      positionAfter(third!.document, '\\eqref{'),
    );
    const labels = refs.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
    assert.deepEqual(labels.sort(), ['eq:euler', 'eq:norm']);
    const macros = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      second!.document.uri,
      positionAfter(second!.document, '$\\R'),
    );
    assert.ok(macros.items.map(labelOf).includes('\\R'), 'the \\R of the first cell is offered in the second');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      third!.document.uri,
      positionAfter(third!.document, '\\eqref{eq:n'),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /eq:norm/);
    // appendText writes its spaces as &nbsp;
    assert.match(text, new RegExp(`cell(?:&nbsp;| )${second!.index + 1},`), text);
    assert.match(text, /!\[formula\]\(data:image\/svg\+xml/, 'the labelled equation is shown');
  });

  // A long notebook: two identical numbered cells near the top, the label in the first cell, the reference in the last.
  const SAME = '\\begin{equation}\na^2 + b^2 = c^2\n\\end{equation}\n';
  let long: vscode.NotebookDocument | undefined;
  let longEditor: vscode.NotebookEditor | undefined;
  const longShown = (): Promise<ShownCell[] | undefined> =>
    Promise.resolve(vscode.commands.executeCommand<ShownCell[] | undefined>('mathdown.test.notebookShown', long!.uri.toString()));

  test('cells with identical text show their own numbers', async () => {
    long = await vscode.workspace.openNotebookDocument(fixtureUri('notebook-long.ipynb'));
    longEditor = await vscode.window.showNotebookDocument(long);
    // The shown cells come in notebook order.
    const numbers = await waitFor(
      async () => {
        const same = (await longShown())?.filter((c) => c.text === SAME);
        return same && same.length === 2 && same.every((c) => c.svg > 0 && !c.local) ? same.map((c) => c.numbers) : undefined;
      },
      'both identical cells to be shown typeset',
      180_000,
    );
    assert.deepEqual(numbers, [['(2)'], ['(3)']]);
  });

  test('a click on \\eqref in the last cell reveals the first cell, where the label is', async () => {
    assert.ok(long && longEditor, 'the long notebook is open (previous test)');
    const editor = longEditor;
    const last = long.cellCount - 1;
    const shows = (index: number) => editor.visibleRanges.some((r) => r.start <= index && index < r.end);
    editor.revealRange(new vscode.NotebookRange(last, last + 1), vscode.NotebookEditorRevealType.AtTop);
    await waitFor(() => shows(last) && !shows(0), 'the last cell in view, the first out of it', 60_000);
    const reference = long.cellAt(last).document.getText();
    await waitFor(
      async () => (await longShown())?.some((c) => c.text === reference && c.svg > 0 && !c.local && c.numbers.includes('(1)')),
      'the last cell to be shown typeset',
      180_000,
    );
    assert.ok(await vscode.commands.executeCommand<boolean>('mathdown.test.clickInNotebook', long.uri.toString(), 'a[href^="#mjx-eqn"]'));
    await waitFor(() => shows(0), 'the first cell to be revealed', 60_000);
    // The suite's other tests work on the first notebook, in front again.
    await vscode.window.showNotebookDocument(notebook);
  });

  test('with mathdown.notebook.renderer off, the built-in renderer (KaTeX) shows the cells', async () => {
    await vscode.workspace.getConfiguration('mathdown').update('notebook.renderer', false, vscode.ConfigurationTarget.Global);
    let last: unknown;
    const cells = await waitFor(
      async () => {
        const all = await shown();
        last = all;
        return all && all.length >= 3 && all.every((c) => c.svg === 0) ? all : undefined;
      },
      'the cells to be shown without Mathdown',
      60_000,
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}; last report: ${JSON.stringify(last)}`);
    });
    // KaTeX's own error (`\\fraq`) is not a `.katex` element; the other cells' formulas are.
    assert.ok(cells.filter((c) => c.katex > 0).length >= 2, JSON.stringify(cells));
  });
});
