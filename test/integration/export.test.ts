import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';

const run = promisify(execFile);

suite('export to HTML', () => {
  let extensionPath: string;
  let dir: string;
  let source: string;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('mathdown.mathdown');
    assert.ok(ext, 'extension mathdown.mathdown is loaded');
    await ext.activate();
    extensionPath = ext.extensionPath;
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

  test('the command and the CLI write byte-identical files', async () => {
    const fromCommand = join(dir, 'from-command.html');
    const written = await vscode.commands.executeCommand<string>('mathdown.export.html', { uri: vscode.Uri.file(source), output: fromCommand });
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
      assert.fail(`not byte-identical (${a.length} vs ${b.length} bytes), first difference at ${i}:\ncommand: ${around(a)}\ncli:     ${around(b)}`);
    }
    assert.match(a.toString('utf8'), /^<!DOCTYPE html>/);
    assert.doesNotMatch(a.toString('utf8'), /<script/i);
  });

  test('the active Markdown editor is exported beside its source by default, and the source is never the output', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(source));
    await vscode.window.showTextDocument(doc);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mathdown.export.html', { output: source })));
    assert.equal(readFileSync(source, 'utf8'), doc.getText(), 'the source is untouched');
    const out = await vscode.commands.executeCommand<string>('mathdown.export.html', { output: join(dir, 'active.html') });
    assert.equal(out, join(dir, 'active.html'));
    assert.ok(readFileSync(out, 'utf8').includes('<main class="mathdown">'));
  });

  test('the command is contributed to the palette, the editor context menu and, as an icon, the preview title bar', () => {
    const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
    const menus = pkg.contributes.menus;
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'mathdown.export.html');
    assert.equal(command?.icon, '$(export)');
    for (const where of ['commandPalette', 'editor/context', 'editor/title']) {
      assert.ok(menus[where]?.some((m: { command: string }) => m.command === 'mathdown.export.html'), where);
    }
    // The title bar shows the navigation group as icons; other groups go to its "..." menu.
    const title = menus['editor/title'].find((m: { command: string }) => m.command === 'mathdown.export.html');
    assert.deepEqual(title, { command: 'mathdown.export.html', when: "activeWebviewPanelId == 'mathdown.preview'", group: 'navigation@1' });
  });
});
