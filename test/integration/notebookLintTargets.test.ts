// Notebooks' Markdown cells are checked for where notebooks are read (lint.notebookTargets,
// JupyterLab by default), not for the page destinations of .md files (lint.targets, github.com).
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activateMathdown, startClean, waitFor } from './helpers';

const CELL =
  'Braces $\\{x \\mid x > 0\\}$ and stars $a*b*c$ keep their TeX in JupyterLab; \\(a + b\\) does not; $\\fraq{1}{2}$ is a TeX error.';

suite('notebook cells: lint destinations', () => {
  let cell: vscode.NotebookCell;

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
    const file = join(mkdtempSync(join(tmpdir(), 'mathdown-nb-targets-')), 'cells.ipynb');
    const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'markdown', id: 'c0', metadata: {}, source: [CELL] }] };
    writeFileSync(file, JSON.stringify(nb));
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(notebook);
    cell = notebook.cellAt(0);
  });

  const codes = () =>
    vscode.languages.getDiagnostics(cell.document.uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

  test('a cell gets the JupyterLab checks by default: \\( is reported, \\{ and * in $…$ are not', async () => {
    // The TeX error says the cell has been linted; the portability diagnostics come in the same pass.
    await waitFor(() => codes().includes('MM301'), 'the cell to be linted');
    assert.deepEqual(codes().sort(), ['MM107', 'MM301']);
    const delimiters = vscode.languages
      .getDiagnostics(cell.document.uri)
      .find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'MM107')!;
    assert.match(delimiters.message, /in JupyterLab/);
  });

  test("with lint.notebookTargets set to github, the same cell gets github.com's checks", async () => {
    const config = vscode.workspace.getConfiguration('mathdown');
    await config.update('lint.notebookTargets', ['github'], vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => codes().includes('MM102') && codes().includes('MM101'), 'github.com checks on the cell', 120_000);
    } finally {
      await config.update('lint.notebookTargets', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => !codes().includes('MM102') && codes().includes('MM301'), 'the JupyterLab checks back', 120_000);
  });

  test('the cells of a new, unsaved notebook are linted too', async () => {
    const data = new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, CELL, 'markdown')]);
    const untitled = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    await vscode.window.showNotebookDocument(untitled);
    const uri = untitled.cellAt(0).document.uri;
    const codesOf = () => vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
    await waitFor(() => codesOf().includes('MM301'), "the untitled notebook's cell to be linted");
    assert.deepEqual(codesOf().sort(), ['MM107', 'MM301']);
  });
});
