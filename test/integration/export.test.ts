import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportUi } from '../../src/vscode/export/exportUi';
import { activateMathdown, startClean, waitFor } from './helpers';

const run = promisify(execFile);

interface UiCall {
  kind: 'warning' | 'information' | 'error' | 'saveDialog' | 'progress' | 'openExternal' | 'revealFileInOS';
  message?: string;
  items?: string[];
  options?: unknown;
  path?: string;
}

/** The export command's dialogs, answered as scripted and recorded in order. */
class ScriptedUi implements ExportUi {
  readonly calls: UiCall[] = [];
  constructor(private readonly answers: { replace?: string; offer?: string; cancelProgress?: boolean } = {}) {}
  of(kind: UiCall['kind']): UiCall[] {
    return this.calls.filter((c) => c.kind === kind);
  }
  async showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]) {
    this.calls.push({ kind: 'warning', message, options, items });
    return this.answers.replace;
  }
  async showInformationMessage(message: string, ...items: string[]) {
    this.calls.push({ kind: 'information', message, items });
    return this.answers.offer;
  }
  async showErrorMessage(message: string) {
    this.calls.push({ kind: 'error', message });
  }
  async showSaveDialog(options: vscode.SaveDialogOptions) {
    this.calls.push({ kind: 'saveDialog', options });
    return undefined;
  }
  withProgress<R>(
    options: vscode.ProgressOptions,
    task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
  ): Thenable<R> {
    this.calls.push({ kind: 'progress', options });
    const cancelled = !!this.answers.cancelProgress;
    // Cancelled before the export starts (synchronously), as a click on Cancel that came first.
    const token: vscode.CancellationToken = {
      isCancellationRequested: cancelled,
      onCancellationRequested: (listener: (e: unknown) => unknown) => {
        if (cancelled) listener(undefined);
        return new vscode.Disposable(() => undefined);
      },
    };
    return task({ report: () => undefined }, token);
  }
  async openExternal(uri: vscode.Uri) {
    this.calls.push({ kind: 'openExternal', path: uri.fsPath });
    return true;
  }
  async revealFileInOS(uri: vscode.Uri) {
    this.calls.push({ kind: 'revealFileInOS', path: uri.fsPath });
  }
}

const EXPORT = 'mathdown.export.html';
const TEST_UI = 'mathdown.test.exportUi';

async function useUi(ui: ScriptedUi): Promise<ScriptedUi> {
  await vscode.commands.executeCommand(TEST_UI, ui);
  return ui;
}

suite('export to HTML', () => {
  let extensionPath: string;
  let dir: string;
  let source: string;

  suiteSetup(async () => {
    await startClean();
    extensionPath = await activateMathdown();
    // A copy of the showcase (with the files beside it, for its images) outside the repository;
    // an empty .mathdown.json there keeps any parent folder's settings out of the CLI run.
    const examples = join(extensionPath, 'examples');
    const fixture = join(extensionPath, 'test/fixtures/export');
    const from = existsSync(join(examples, 'showcase.md')) ? examples : fixture;
    dir = mkdtempSync(join(tmpdir(), 'mathdown-export-it-'));
    cpSync(from, dir, { recursive: true });
    source = join(dir, existsSync(join(dir, 'showcase.md')) ? 'showcase.md' : 'sample.md');
    writeFileSync(join(dir, '.mathdown.json'), '{}\n');
  });

  suiteTeardown(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  teardown(async () => {
    await vscode.commands.executeCommand(TEST_UI);
    const config = vscode.workspace.getConfiguration('mathdown');
    await config.update('export.folder', undefined, vscode.ConfigurationTarget.Global);
    await config.update('export.theme', undefined, vscode.ConfigurationTarget.Global);
  });

  /** A fresh folder holding a copy of the showcase (or another document), for a test of its own. */
  let folders = 0;
  function freshCopy(text?: string, name = basename(source)): string {
    const folder = join(dir, `case-${++folders}`);
    mkdirSync(folder);
    const file = join(folder, name);
    if (text === undefined) copyFileSync(source, file);
    else writeFileSync(file, text);
    return file;
  }

  test('the command and the CLI write byte-identical files', async () => {
    const fromCommand = join(dir, 'from-command.html');
    const written = await vscode.commands.executeCommand<string>('mathdown.export.html', {
      uri: vscode.Uri.file(source),
      output: fromCommand,
    });
    assert.equal(written, fromCommand);
    const fromCli = join(dir, 'from-cli.html');
    const { stdout } = await run(process.execPath, [join(extensionPath, 'dist/cli.js'), 'export', source, '-o', fromCli], { cwd: dir });
    assert.equal(stdout.trim(), fromCli);
    const a = readFileSync(fromCommand);
    const b = readFileSync(fromCli);
    assert.ok(a.length > 10_000, `a real page (${a.length} bytes)`);
    if (!a.equals(b)) {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      const around = (x: Buffer) => x.subarray(Math.max(0, i - 150), i + 150).toString('utf8');
      assert.fail(
        `not byte-identical (${a.length} vs ${b.length} bytes), first difference at ${i}:\ncommand: ${around(a)}\ncli:     ${around(b)}`,
      );
    }
    assert.match(a.toString('utf8'), /^<!DOCTYPE html>/);
    assert.doesNotMatch(a.toString('utf8'), /<script/i);
  });

  test('the active Markdown editor is exported beside its source as NAME.html when no output is given, then offered to open', async () => {
    const file = freshCopy();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    const ui = await useUi(new ScriptedUi());
    const written = await vscode.commands.executeCommand<string>(EXPORT);
    assert.equal(written, file.replace(/\.md$/, '.html'));
    assert.match(readFileSync(written, 'utf8'), /^<!DOCTYPE html>[^]*<body class="mathdown-light">/);
    await waitFor(() => ui.of('information').length, 'the offer to open');
    assert.deepEqual(
      ui.calls,
      [{ kind: 'information', message: `Exported ${basename(written)}.`, items: ['Open', 'Reveal'] }],
      'no question, no progress for a short new file',
    );
  });

  test('the settings export.folder and export.theme apply to the command', async () => {
    const file = freshCopy();
    const config = vscode.workspace.getConfiguration('mathdown');
    await config.update('export.folder', 'exported', vscode.ConfigurationTarget.Global);
    await config.update('export.theme', 'dark', vscode.ConfigurationTarget.Global);
    await useUi(new ScriptedUi());
    const written = await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) });
    assert.equal(written, join(file, '..', 'exported', basename(file).replace(/\.md$/, '.html')));
    const html = readFileSync(written, 'utf8');
    assert.ok(html.includes('<body class="mathdown-dark">'));
    assert.ok(html.includes('<meta name="color-scheme" content="dark">'));
    assert.ok(!existsSync(file.replace(/\.md$/, '.html')), 'nothing beside the source');
    const light = await vscode.commands.executeCommand<string>(EXPORT, {
      uri: vscode.Uri.file(file),
      output: join(file, '..', 'light.html'),
      theme: 'light',
    });
    assert.ok(readFileSync(light, 'utf8').includes('<body class="mathdown-light">'), 'the argument overrides the setting');
  });

  test('a second export asks before replacing the file: no answer keeps it, Replace replaces it', async () => {
    const file = freshCopy('# Note\n\n$e^{i\\pi} + 1 = 0$\n', 'note.md');
    const output = join(file, '..', 'note.html');
    writeFileSync(output, 'earlier export\n');
    const declined = await useUi(new ScriptedUi());
    assert.equal(await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) }), undefined);
    assert.equal(readFileSync(output, 'utf8'), 'earlier export\n', 'the file is untouched');
    assert.deepEqual(declined.calls, [
      {
        kind: 'warning',
        message: `note.html already exists in ${join(file, '..')}. Replace it?`,
        options: { modal: true },
        items: ['Replace'],
      },
    ]);
    const accepted = await useUi(new ScriptedUi({ replace: 'Replace' }));
    assert.equal(await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) }), output);
    assert.match(readFileSync(output, 'utf8'), /^<!DOCTYPE html>[^]*<title>Note<\/title>/);
    assert.equal(accepted.of('warning').length, 1);
  });

  test('a long document is exported under a cancellable progress notification; cancelling writes nothing', async () => {
    const long = ['# Long', '', ...Array.from({ length: 250 }, (_, i) => `Line ${i}: $x_{${i}} = ${i}^2$.\n`)].join('\n');
    const file = freshCopy(long, 'long.md');
    const output = join(file, '..', 'long.html');
    const cancelled = await useUi(new ScriptedUi({ cancelProgress: true }));
    assert.equal(await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) }), undefined);
    assert.ok(!existsSync(output), 'nothing written');
    assert.deepEqual(
      cancelled.calls.map((c) => c.kind),
      ['progress'],
      'no offer to open, no error',
    );
    const ui = await useUi(new ScriptedUi());
    assert.equal(await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) }), output);
    assert.deepEqual(ui.of('progress'), [
      {
        kind: 'progress',
        options: { location: vscode.ProgressLocation.Notification, title: 'Exporting long.md to HTML', cancellable: true },
      },
    ]);
    assert.ok(readFileSync(output, 'utf8').includes('Line 249'));
  });

  test('Open opens the page in the browser, Reveal shows it in the file manager', async () => {
    const file = freshCopy('# Offer\n\n$a^2 + b^2 = c^2$\n', 'offer.md');
    const opening = await useUi(new ScriptedUi({ offer: 'Open' }));
    const opened = await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) });
    await waitFor(() => opening.of('openExternal').length, 'openExternal');
    assert.deepEqual(opening.calls.slice(1), [{ kind: 'openExternal', path: opened }]);
    const revealing = await useUi(new ScriptedUi({ replace: 'Replace', offer: 'Reveal' }));
    await vscode.commands.executeCommand<string>(EXPORT, { uri: vscode.Uri.file(file) });
    await waitFor(() => revealing.of('revealFileInOS').length, 'revealFileInOS');
    assert.deepEqual(
      revealing.calls.map((c) => c.kind),
      ['warning', 'information', 'revealFileInOS'],
    );
    assert.equal(revealing.of('revealFileInOS')[0]!.path, opened);
  });

  test('scripted use (an output argument) shows no dialog, and the source is never the output', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(source));
    await vscode.window.showTextDocument(doc);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mathdown.export.html', { output: source })));
    assert.equal(readFileSync(source, 'utf8'), doc.getText(), 'the source is untouched');
    const ui = await useUi(new ScriptedUi());
    const out = await vscode.commands.executeCommand<string>('mathdown.export.html', { output: join(dir, 'active.html') });
    assert.equal(out, join(dir, 'active.html'));
    assert.ok(readFileSync(out, 'utf8').includes('<main class="mathdown">'));
    assert.deepEqual(ui.calls, []);
  });

  test('the command is contributed to the palette, the editor context menu and, as an icon, the preview title bar', () => {
    const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
    const menus = pkg.contributes.menus;
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'mathdown.export.html');
    assert.equal(command?.icon, '$(export)');
    for (const where of ['commandPalette', 'editor/context', 'editor/title']) {
      assert.ok(
        menus[where]?.some((m: { command: string }) => m.command === 'mathdown.export.html'),
        where,
      );
    }
    // The title bar shows the navigation group as icons; other groups go to its "..." menu.
    const title = menus['editor/title'].find((m: { command: string }) => m.command === 'mathdown.export.html');
    assert.deepEqual(title, { command: 'mathdown.export.html', when: "activeWebviewPanelId == 'mathdown.preview'", group: 'navigation@1' });
  });
});

suite('export to PDF', () => {
  let dir: string;

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
    dir = mkdtempSync(join(tmpdir(), 'mathdown-pdf-it-'));
  });

  suiteTeardown(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  teardown(async () => {
    await vscode.commands.executeCommand(TEST_UI);
    await vscode.workspace.getConfiguration('mathdown').update('export.browserPath', undefined, vscode.ConfigurationTarget.Global);
  });

  test('Export to PDF, as the palette runs it, prints the active document beside it under a cancellable progress, then offers Open and Reveal', async () => {
    const file = join(dir, 'palette.md');
    writeFileSync(file, '# From the palette\n\nPythagoras: $a^2 + b^2 = c^2$.\n\n$$\n\\int_0^1 x\\,dx = \\tfrac12\n$$\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const ui = await useUi(new ScriptedUi());
    // The palette runs the command without arguments.
    const written = await vscode.commands.executeCommand<string>('mathdown.export.pdf');
    assert.equal(written, join(dir, 'palette.pdf'));
    assert.equal(readFileSync(written).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(ui.of('progress'), [
      {
        kind: 'progress',
        options: { location: vscode.ProgressLocation.Notification, title: 'Exporting palette.md to PDF', cancellable: true },
      },
    ]);
    assert.deepEqual(ui.of('information'), [{ kind: 'information', message: 'Exported palette.pdf.', items: ['Open', 'Reveal'] }]);
    const cancelled = await useUi(new ScriptedUi({ replace: 'Replace', cancelProgress: true }));
    assert.equal(await vscode.commands.executeCommand<string>('mathdown.export.pdf'), undefined);
    assert.deepEqual(
      cancelled.calls.map((c) => c.kind),
      ['warning', 'progress'],
      'asked to replace, then cancelled: no error, no offer',
    );
  });

  test('a wrong mathdown.export.browserPath gives a message that says what to set, and writes nothing', async () => {
    const file = join(dir, 'wrong.md');
    writeFileSync(file, '# Wrong browser\n\n$x$\n');
    await vscode.workspace
      .getConfiguration('mathdown')
      .update('export.browserPath', join(dir, 'no-such-browser'), vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const ui = await useUi(new ScriptedUi());
    assert.equal(await vscode.commands.executeCommand<string>('mathdown.export.pdf'), undefined);
    const errors = ui.of('error');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message!, /^Mathdown: no PDF written: no browser at .*no-such-browser .*Chrome, Chromium or Edge/);
    assert.ok(!existsSync(join(dir, 'wrong.pdf')));
  });

  test('the command is in the palette, the editor context menu and the title bar menu', () => {
    const pkg = vscode.extensions.all.find((e) => e.packageJSON?.name === 'mathdown')!.packageJSON;
    for (const where of ['commandPalette', 'editor/context', 'editor/title'])
      assert.ok(
        pkg.contributes.menus[where]?.some((m: { command: string }) => m.command === 'mathdown.export.pdf'),
        where,
      );
  });
});
