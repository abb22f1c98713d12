import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const SOURCE = [
  'Braces: $\\{x\\}$ and an unknown macro $\\foo$.',
  '',
  '| name | formula |',
  '|---|---|',
  '| abs | $|x|$ |',
  '',
].join('\n');

type Shown = [string, number, number, number, number];
const shown = (d: vscode.Diagnostic): Shown => [
  typeof d.code === 'object' ? String(d.code.value) : String(d.code),
  d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
];

suite('math diagnostics', () => {
  let dir: string;
  let extensionPath: string;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('mathdown.mathdown');
    assert.ok(ext, 'extension mathdown.mathdown is loaded');
    await ext.activate();
    extensionPath = ext.extensionPath;
    dir = mkdtempSync(join(tmpdir(), 'mathdown-lint-it-'));
  });

  suiteTeardown(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: string): Promise<vscode.TextEditor> {
    const file = join(dir, name);
    writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    return vscode.window.showTextDocument(doc);
  }

  const diagnosticsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mathdown');

  test('opening and saving a document shows the expected diagnostics, ranges and rule links', async () => {
    const editor = await open('shown.md', SOURCE);
    const uri = editor.document.uri;
    const expected: Shown[] = [
      ['MM102', 0, 9, 0, 11],
      ['MM102', 0, 12, 0, 14],
      ['MM301', 0, 38, 0, 42],
      ['MM104', 4, 9, 4, 10],
      ['MM104', 4, 11, 4, 12],
    ];
    await waitFor(() => diagnosticsOf(uri).length === expected.length, 'diagnostics after opening');
    assert.deepEqual(diagnosticsOf(uri).map(shown), expected);
    const first = diagnosticsOf(uri)[0];
    assert.equal(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof first.code === 'object' && first.code.target.path.endsWith('/docs/rules/MM102.md'));
    assert.ok(first.code.target.fsPath.startsWith(extensionPath));
    assert.equal(diagnosticsOf(uri)[2].severity, vscode.DiagnosticSeverity.Error);

    // Insert a line at the top and save: the diagnostics follow the text.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# Title\n\n'));
    await editor.document.save();
    await waitFor(() => diagnosticsOf(uri)[0]?.range.start.line === 2, 'diagnostics after saving');
    assert.deepEqual(diagnosticsOf(uri).map(shown), expected.map(([c, l1, c1, l2, c2]) => [c, l1 + 2, c1, l2 + 2, c2]));
  });

  test('a quick fix edits the text as expected, and the problem goes away', async () => {
    const editor = await open('quickfix.md', SOURCE);
    const uri = editor.document.uri;
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics');
    const bar = diagnosticsOf(uri).find((d) => shown(d)[0] === 'MM104')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, bar.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Fix MM104'));
    assert.ok(fix?.edit, `a quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(4).text, '| abs | $\\vert x|$ |');
    await editor.document.save();
    await waitFor(() => diagnosticsOf(uri).filter((d) => shown(d)[0] === 'MM104').length === 1, 'one MM104 left after the fix');
  });

  test('Fix all Mathdown problems rewrites every fixable problem', async () => {
    const editor = await open('fixall.md', SOURCE);
    const uri = editor.document.uri;
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics');
    const fixedText = SOURCE.replace('$\\{x\\}$', () => '$`\\{x\\}`$').replace('$|x|$', () => '$\\vert x\\vert$');
    // As editor.codeActionsOnSave asks for it: the action comes without an edit, which resolving adds.
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const [unresolved] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.mathdown');
    assert.equal(unresolved?.title, 'Fix all Mathdown problems');
    const [resolved] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.mathdown', 1);
    assert.ok(resolved?.edit, 'the resolved action carries the edit');
    const preview = await vscode.workspace.openTextDocument({ content: SOURCE, language: 'markdown' });
    const [edit] = resolved.edit.entries()[0]![1];
    assert.equal(SOURCE.slice(0, preview.offsetAt(edit!.range.start)) + edit!.newText + SOURCE.slice(preview.offsetAt(edit!.range.end)), fixedText);
    assert.equal(await vscode.commands.executeCommand('mathdown.lint.fixAll'), true);
    assert.equal(editor.document.getText(), fixedText);
    await editor.document.save();
    await waitFor(() => diagnosticsOf(uri).map((d) => shown(d)[0]).join() === 'MM301', 'only the TeX error left');
  });

  test('settings: a rule switched off disappears, and lint.run off clears everything', async () => {
    const editor = await open('settings.md', SOURCE);
    const uri = editor.document.uri;
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics');
    const config = vscode.workspace.getConfiguration('mathdown');
    try {
      await config.update('lint.rules', { MM104: 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor(() => diagnosticsOf(uri).length === 3, 'MM104 switched off');
      assert.deepEqual(diagnosticsOf(uri).map((d) => shown(d)[0]), ['MM102', 'MM102', 'MM301']);
      await config.update('lint.run', 'off', vscode.ConfigurationTarget.Global);
      await waitFor(() => diagnosticsOf(uri).length === 0, 'no diagnostics with lint.run off');
    } finally {
      await config.update('lint.rules', undefined, vscode.ConfigurationTarget.Global);
      await config.update('lint.run', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics back with the defaults');
  });

  test('lint.run onType: diagnostics follow unsaved edits', async () => {
    const config = vscode.workspace.getConfiguration('mathdown');
    await config.update('lint.run', 'onType', vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('typing.md', 'Fine: $a$.\n');
      const uri = editor.document.uri;
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'Now $\\{b\\}$.\n'));
      await waitFor(() => diagnosticsOf(uri).length === 2, 'diagnostics for the typed text, without saving');
      assert.deepEqual(diagnosticsOf(uri).map(shown), [['MM102', 1, 5, 1, 7], ['MM102', 1, 8, 1, 10]]);
      assert.ok(editor.document.isDirty);
    } finally {
      await config.update('lint.run', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
