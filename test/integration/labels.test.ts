// Equations as symbols in the real VS Code: Go to Definition, Find All References, Rename (the text
// afterwards), the outline of equations, workspace symbols, duplicate labels and MM303's fixes.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { activateMathdown, closeAll, startClean, waitFor } from './helpers';

const SOURCE = [
  '# Results', // 0
  '',
  '$$',
  '\\begin{equation}',
  'E = mc^2 \\label{eq:energy}', // 4
  '\\end{equation}',
  '$$',
  '',
  '## Rows', // 8
  '',
  '\\begin{align}',
  'a &= b \\label{eq:first} \\\\', // 11
  'c &= d \\tag{T} \\label{eq:tagged}',
  '\\end{align}',
  '',
  'See \\eqref{eq:energy}, $\\ref{eq:first}$ and \\eqref{eq:tagged}; `\\eqref{eq:energy}` is code.', // 15
  '',
].join('\n');

const NO_NUMBER = ['# Plain', '', '$$ x \\label{plain} $$', '', 'See \\eqref{plain}.', ''].join('\n');
const DUPLICATE = [
  '$$',
  '\\begin{equation}',
  'x \\label{twice}',
  '\\end{equation}',
  '$$',
  '',
  '$$',
  '\\begin{equation}',
  'y \\label{twice}',
  '\\end{equation}',
  '$$',
  '',
].join('\n');

suite('labels and equations', () => {
  let dir: string;

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
    dir = mkdtempSync(join(tmpdir(), 'mathdown-labels-it-'));
  });

  suiteTeardown(async () => {
    await startClean();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: string): Promise<vscode.TextEditor> {
    const file = join(dir, name);
    writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    return vscode.window.showTextDocument(doc);
  }

  /** The position of the `nth` occurrence of `needle`, `into` characters in. */
  const at = (doc: vscode.TextDocument, needle: string, into = 0, nth = 0): vscode.Position => {
    let i = -1;
    for (let n = 0; n <= nth; n++) i = doc.getText().indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} in the document`);
    return doc.positionAt(i + into);
  };
  const textOf = (doc: vscode.TextDocument, r: vscode.Range) => doc.getText(r);
  const where = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

  test('Go to Definition from \\eqref in prose and \\ref in math leads to the \\label', async () => {
    const { document } = await open('definition.md', SOURCE);
    const fromProse = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      at(document, '\\eqref{eq:energy}', 9),
    );
    const mine = fromProse.filter((l): l is vscode.LocationLink => 'targetUri' in l && 'targetSelectionRange' in l);
    assert.equal(mine.length, 1);
    assert.equal(where(mine[0]!.targetSelectionRange!), '4:16-4:25');
    assert.equal(textOf(document, mine[0]!.targetSelectionRange!), 'eq:energy');
    const fromMath = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      at(document, '\\ref{eq:first}', 6),
    );
    const link = fromMath.find((l): l is vscode.LocationLink => 'targetSelectionRange' in l);
    assert.ok(link);
    assert.equal(where(link.targetSelectionRange!), '11:14-11:22');
  });

  test('Find All References lists the label and its references, none in code', async () => {
    const { document } = await open('references.md', SOURCE);
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      at(document, '\\label{eq:energy}', 10),
    );
    assert.deepEqual(found.map((l) => where(l.range)).sort(), ['15:11-15:20', '4:16-4:25'].sort());
  });

  test('Rename Symbol on a reference renames the label and every reference, nothing else', async () => {
    const editor = await open('rename.md', SOURCE);
    const { document } = editor;
    const position = at(document, '\\eqref{eq:energy}', 10);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
      'vscode.prepareRename',
      document.uri,
      position,
    );
    assert.equal(prepared.placeholder, 'eq:energy');
    assert.equal(where(prepared.range), '15:11-15:20');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      position,
      'eq:mass',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      document.getText(),
      SOURCE.replace('\\label{eq:energy}', '\\label{eq:mass}').replace('See \\eqref{eq:energy}', 'See \\eqref{eq:mass}'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the outline lists the numbered and labelled equations under their headings', async () => {
    const { document } = await open('outline.md', SOURCE);
    const symbols = await waitFor(
      async () => await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      'document symbols',
    );
    const flat = (list: readonly vscode.DocumentSymbol[], depth = 0): string[] =>
      list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...flat(s.children, depth + 1)]);
    const lines = flat(symbols);
    for (const expected of ['  (1) E = mc^2 [eq:energy]', '    (2) a &= b [eq:first]', '    (T) c &= d [eq:tagged]'])
      assert.ok(lines.includes(expected), `${expected} in\n${lines.join('\n')}`);
    const workspace = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'eq:fir');
    assert.ok(
      workspace.some((s) => s.name === 'eq:first (2)' && s.location.uri.toString() === document.uri.toString()),
      workspace.map((s) => s.name).join(', '),
    );
  });

  test('a label defined twice is reported at both places', async () => {
    const { document } = await open('duplicate.md', DUPLICATE);
    const mm302 = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'mathdown' && codeOf(d) === 'MM302');
      return found.length === 2 ? found : undefined;
    }, 'two MM302 diagnostics');
    assert.deepEqual(mm302.map((d) => where(d.range)).sort(), ['2:9-2:14', '8:9-8:14']);
  });

  test('MM303: a label with no number drawn, its fixes, and the setting fix', async () => {
    // Diagnostics follow the edits below without saving.
    await vscode.workspace.getConfiguration('mathdown.lint').update('run', 'onType', vscode.ConfigurationTarget.Global);
    await waitFor(() => vscode.workspace.getConfiguration('mathdown.lint').get('run') === 'onType', 'lint on typing');
    const { document } = await open('no-number.md', NO_NUMBER);
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'mathdown' && codeOf(d) === 'MM303'),
      'the MM303 diagnostic',
    );
    assert.equal(where(diagnostic.range), '2:12-2:17');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const titles = actions.map((a) => a.title).filter((t) => t.endsWith('(MM303)'));
    assert.deepEqual(
      titles.map((t) => t.split(':')[0]),
      ['Number it', 'Tag it', 'Number every display formula'],
    );
    const wrap = actions.find((a) => a.title.startsWith('Number it'))!;
    assert.ok(await vscode.workspace.applyEdit(wrap.edit!));
    assert.equal(
      document.getText(),
      NO_NUMBER.replace('$$ x \\label{plain} $$', () => '$$ \\begin{equation}x \\label{plain}\\end{equation} $$'),
    );
    await waitFor(
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'MM303'),
      'MM303 gone after wrapping in equation',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'MM303'), 'MM303 back after revert');

    const tag = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)
    ).find((a) => a.title.startsWith('Tag it'))!;
    assert.ok(await vscode.workspace.applyEdit(tag.edit!));
    assert.equal(document.getText(), NO_NUMBER.replace('\\label{plain}', '\\tag{plain} \\label{plain}'));
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'MM303'), 'MM303 gone after the tag');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'MM303'), 'MM303 back after revert');

    const setting = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)
    ).find((a) => a.title.startsWith('Number every display formula'))!;
    assert.equal(setting.edit, undefined);
    await vscode.commands.executeCommand(setting.command!.command, ...(setting.command!.arguments ?? []));
    await waitFor(
      () => vscode.workspace.getConfiguration('mathdown.math', document.uri).get('equationNumbers') === 'all',
      'equationNumbers set to all',
    );
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'MM303'), 'MM303 gone with numbering all');
    assert.equal(document.getText(), NO_NUMBER, 'the setting fix leaves the text alone');
    await closeAll();
  });
});

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

suite('math rendered in the editor', () => {
  let dir: string;
  const TEXT = [
    '# Math in the editor',
    '',
    'Inline $a^2 + b^2$ here.',
    '',
    '$$',
    '\\int_0^1 x\\,dx = \\frac{1}{2}',
    '$$',
    '',
    'Prose.',
    '',
  ].join('\n');

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
    dir = mkdtempSync(join(tmpdir(), 'mathdown-editor-math-it-'));
  });

  suiteTeardown(async () => {
    await startClean();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  type State = { uri: string; shown: Array<{ line: number; formulaLine: number; image: string }> } | undefined;
  const state = async () => vscode.commands.executeCommand<State>('mathdown.test.editorMath');
  const place = (editor: vscode.TextEditor, line: number, character: number) => {
    editor.selection = new vscode.Selection(line, character, line, character);
  };

  test('the formula at the cursor shows its image at the end of its last line, and follows the cursor and the edits', async () => {
    const file = join(dir, 'editor-math.md');
    writeFileSync(file, TEXT);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    const uri = editor.document.uri.toString();
    place(editor, 5, 3);
    const display = await waitFor(async () => {
      const s = await state();
      return s?.uri === uri && s.shown.length === 1 && s.shown[0]!.formulaLine === 4 ? s.shown[0] : undefined;
    }, 'the display formula rendered at the cursor');
    assert.equal(display.line, 6, 'after the closing $$');
    assert.match(display.image, /^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(display.image.split(',')[1]!, 'base64').toString('utf8');
    assert.match(svg, /<svg[^>]*xmlns/);

    place(editor, 2, 10);
    const inline = await waitFor(async () => {
      const s = await state();
      return s?.shown.length === 1 && s.shown[0]!.formulaLine === 2 ? s.shown[0] : undefined;
    }, 'the image moved to the inline formula');
    assert.equal(inline.line, 2);

    await editor.edit((b) => b.insert(new vscode.Position(2, 11), ' + c^2'));
    await waitFor(async () => {
      const s = await state();
      return s?.shown.length === 1 && s.shown[0]!.formulaLine === 2 && s.shown[0]!.image !== inline.image;
    }, 'a new image after typing in the formula');

    place(editor, 8, 2);
    await waitFor(async () => (await state())?.shown.length === 0, 'no image with the cursor in prose');

    await vscode.workspace.getConfiguration('mathdown.editor').update('renderMath', 'display', vscode.ConfigurationTarget.Global);
    await waitFor(async () => {
      const s = await state();
      return s?.shown.length === 1 && s.shown[0]!.formulaLine === 4;
    }, 'every display formula rendered in display mode');

    const next = await vscode.commands.executeCommand<string>('mathdown.editor.toggleRenderMath');
    assert.equal(next, 'off');
    place(editor, 5, 2);
    await waitFor(async () => (await state())?.shown.length === 0, 'nothing rendered once toggled off');
    assert.equal(await vscode.commands.executeCommand<string>('mathdown.editor.toggleRenderMath'), 'display');
    await waitFor(async () => (await state())?.shown.length === 1, 'rendered again once toggled back on');
    await closeAll();
  });

  test('display math folds, beside the Markdown folding', async () => {
    const file = join(dir, 'folding.md');
    writeFileSync(file, TEXT);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const ranges = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
      return found?.some((r) => r.start === 4 && r.end === 6) ? found : undefined;
    }, 'the fold of the display formula');
    assert.ok(
      ranges.some((r) => r.start === 0),
      'the Markdown heading still folds',
    );
  });
});
