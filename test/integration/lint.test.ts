import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { activateMathdown, fixtureUri, startClean, waitFor } from './helpers';

const SOURCE = ['Braces: $\\{x\\}$ and an unknown macro $\\foo$.', '', '| name | formula |', '|---|---|', '| abs | $|x|$ |', ''].join('\n');

/** A lint fixture with its sidecar of expected diagnostics ("L:C-L:C RULE", 1-based, end exclusive). */
const FIXTURE = 'tables';

type Shown = [string, number, number, number, number];
const shown = (d: vscode.Diagnostic): Shown => [
  typeof d.code === 'object' ? String(d.code.value) : String(d.code),
  d.range.start.line,
  d.range.start.character,
  d.range.end.line,
  d.range.end.character,
];

suite('math diagnostics', () => {
  let dir: string;
  let extensionPath: string;

  suiteSetup(async () => {
    await startClean();
    extensionPath = await activateMathdown();
    dir = mkdtempSync(join(tmpdir(), 'mathdown-lint-it-'));
  });

  suiteTeardown(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    for (const name of [`${FIXTURE}.md`, `${FIXTURE}-closed.md`]) rmSync(fixtureUri(name).fsPath, { force: true });
  });

  /** Copies test/fixtures/lint/NAME.md into the test workspace as `as`. */
  function copyFixture(as: string): vscode.Uri {
    const uri = fixtureUri(as);
    copyFileSync(join(extensionPath, 'test/fixtures/lint', `${FIXTURE}.md`), uri.fsPath);
    return uri;
  }

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
    assert.deepEqual(
      diagnosticsOf(uri).map(shown),
      expected.map(([c, l1, c1, l2, c2]) => [c, l1 + 2, c1, l2 + 2, c2]),
    );
  });

  test(`the fixture ${FIXTURE}.md, opened and saved, shows the diagnostics of its sidecar`, async () => {
    const sidecar = JSON.parse(readFileSync(join(extensionPath, 'test/fixtures/lint', `${FIXTURE}.json`), 'utf8')) as {
      settings?: { 'lint.targets'?: string[] };
      diagnostics: string[];
    };
    // The sidecar names the destinations its diagnostics are for.
    const targets = sidecar.settings?.['lint.targets'];
    const config = vscode.workspace.getConfiguration('mathdown');
    if (targets) await config.update('lint.targets', targets, vscode.ConfigurationTarget.Global);
    const expected = sidecar.diagnostics.map((entry): Shown => {
      const [, l1, c1, l2, c2, rule] = /^(\d+):(\d+)-(\d+):(\d+) (MM\d+)$/.exec(entry)!;
      return [rule, +l1 - 1, +c1 - 1, +l2 - 1, +c2 - 1];
    });
    try {
      const order = (list: Shown[]) => list.map((d) => JSON.stringify(d)).sort();
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copyFixture(`${FIXTURE}.md`)));
      const uri = editor.document.uri;
      await waitFor(() => diagnosticsOf(uri).length === expected.length, `${expected.length} diagnostics after opening`);
      assert.deepEqual(order(diagnosticsOf(uri).map(shown)), order(expected));
      // An edit that moves nothing the rules look at, then save: the same diagnostics, from the saved text.
      await editor.edit((e) => e.insert(editor.document.lineAt(0).range.end, ' (saved)'));
      await editor.document.save();
      await waitFor(() => !editor.document.isDirty && diagnosticsOf(uri).length === expected.length, 'diagnostics after saving');
      assert.deepEqual(order(diagnosticsOf(uri).map(shown)), order(expected));
    } finally {
      if (targets) await config.update('lint.targets', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the showcase, under the default destinations, shows its one deliberate TeX error and nothing else', async () => {
    const uri = vscode.Uri.file(join(dir, 'showcase.md'));
    copyFileSync(join(extensionPath, 'examples/showcase.md'), uri.fsPath);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('\\undefinedcommand'));
    await waitFor(() => diagnosticsOf(uri).some((d) => shown(d)[0] === 'MM301'), 'the TeX error');
    assert.deepEqual(
      diagnosticsOf(uri).map((d) => [shown(d)[0], shown(d)[1]]),
      [['MM301', line]],
    );
  });

  test('closing a document clears its diagnostics', async () => {
    // Opened as a user opens it: a document the extension API opened stays alive for minutes after its editor closes.
    const uri = copyFixture(`${FIXTURE}-closed.md`);
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitFor(() => diagnosticsOf(uri).length > 0, 'diagnostics after opening');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => vscode.workspace.textDocuments.every((d) => d.uri.toString() !== uri.toString()), 'the document closed');
    await waitFor(() => diagnosticsOf(uri).length === 0, 'no diagnostics once the document is closed');
  });

  test('a quick fix edits the text as expected, and the problem goes away', async () => {
    const editor = await open('quickfix.md', SOURCE);
    const uri = editor.document.uri;
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics');
    const bar = diagnosticsOf(uri).find((d) => shown(d)[0] === 'MM104')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      bar.range,
      vscode.CodeActionKind.QuickFix.value,
    );
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
    const [unresolved] = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      whole,
      'source.fixAll.mathdown',
    );
    assert.equal(unresolved?.title, 'Fix all Mathdown problems');
    const [resolved] = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      whole,
      'source.fixAll.mathdown',
      1,
    );
    assert.ok(resolved?.edit, 'the resolved action carries the edit');
    const preview = await vscode.workspace.openTextDocument({ content: SOURCE, language: 'markdown' });
    const [edit] = resolved.edit.entries()[0]![1];
    assert.equal(
      SOURCE.slice(0, preview.offsetAt(edit!.range.start)) + edit!.newText + SOURCE.slice(preview.offsetAt(edit!.range.end)),
      fixedText,
    );
    assert.equal(await vscode.commands.executeCommand('mathdown.lint.fixAll'), true);
    assert.equal(editor.document.getText(), fixedText);
    await editor.document.save();
    await waitFor(
      () =>
        diagnosticsOf(uri)
          .map((d) => shown(d)[0])
          .join() === 'MM301',
      'only the TeX error left',
    );
  });

  test('settings: a rule switched off disappears, and lint.run off clears everything', async () => {
    const editor = await open('settings.md', SOURCE);
    const uri = editor.document.uri;
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics');
    const config = vscode.workspace.getConfiguration('mathdown');
    try {
      await config.update('lint.rules', { MM104: 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor(() => diagnosticsOf(uri).length === 3, 'MM104 switched off');
      assert.deepEqual(
        diagnosticsOf(uri).map((d) => shown(d)[0]),
        ['MM102', 'MM102', 'MM301'],
      );
      await config.update('lint.run', 'off', vscode.ConfigurationTarget.Global);
      await waitFor(() => diagnosticsOf(uri).length === 0, 'no diagnostics with lint.run off');
    } finally {
      await config.update('lint.rules', undefined, vscode.ConfigurationTarget.Global);
      await config.update('lint.run', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => diagnosticsOf(uri).length === 5, 'diagnostics back with the defaults');
  });

  test('lint.run onSave: typed problems are worked out in the pause and shown at the save, without linting again', async () => {
    const editor = await open('prepared.md', 'Fine: $a$.\n');
    const uri = editor.document.uri;
    const state = () =>
      vscode.commands.executeCommand<{ runs: number; preparedVersion?: number }>('mathdown.test.lintState', uri.toString());
    await waitFor(async () => (await state()).runs >= 1 && diagnosticsOf(uri).length === 0, 'the opened document linted');
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'Now $\\{b\\}$.\n'));
    const version = editor.document.version;
    await waitFor(async () => (await state()).preparedVersion === version, 'the typed version linted in the pause');
    // Worked out, not shown: with onSave the Problems panel follows saves only.
    assert.equal(diagnosticsOf(uri).length, 0);
    const runs = (await state()).runs;
    await editor.document.save();
    await waitFor(() => diagnosticsOf(uri).length === 2, 'diagnostics after saving');
    assert.deepEqual(diagnosticsOf(uri).map(shown), [
      ['MM102', 1, 5, 1, 7],
      ['MM102', 1, 8, 1, 10],
    ]);
    assert.equal((await state()).runs, runs, 'the save showed the diagnostics worked out in the pause');
  });

  test('lint.run onType: diagnostics follow unsaved edits', async () => {
    const config = vscode.workspace.getConfiguration('mathdown');
    await config.update('lint.run', 'onType', vscode.ConfigurationTarget.Global);
    try {
      // The extension reads the setting at each change event: it must have reached the extension host first.
      await waitFor(
        () => vscode.workspace.getConfiguration('mathdown').get('lint.run') === 'onType',
        'lint.run onType in the extension host',
      );
      const editor = await open('typing.md', 'Fine: $a$.\n');
      const uri = editor.document.uri;
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'Now $\\{b\\}$.\n'));
      await waitFor(() => diagnosticsOf(uri).length === 2, 'diagnostics for the typed text, without saving');
      assert.deepEqual(diagnosticsOf(uri).map(shown), [
        ['MM102', 1, 5, 1, 7],
        ['MM102', 1, 8, 1, 10],
      ]);
      assert.ok(editor.document.isDirty);
    } finally {
      await config.update('lint.run', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
