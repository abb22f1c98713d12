// One configuration for editor and CI, in the real VS Code, in a two-folder workspace
// (test/fixtures/multi-root): `.mathdown.json` + a TeX preamble in `alpha`, folder settings in `beta`.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { activateMathdown, closeAll, startClean, waitFor } from '../helpers';
import { waitForPreview } from '../previewHelpers';

function inFolder(folder: 'alpha' | 'beta', name: string): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === folder);
  if (!f) throw new Error(`workspace folder ${folder} is not open`);
  return vscode.Uri.joinPath(f.uri, name);
}

async function previewOf(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  await vscode.commands.executeCommand('mathdown.preview.openToSide');
  return doc;
}

const settingsDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mathdown');
const SEVERITY = ['error', 'warning', 'info', 'info'];

suite('settings files', () => {
  let extensionPath: string;
  suiteSetup(async () => {
    await startClean();
    extensionPath = await activateMathdown();
    assert.equal(vscode.workspace.workspaceFolders?.length, 2, 'the multi-root fixture is open');
  });
  setup(closeAll);
  suiteTeardown(closeAll);

  test('the preview renders macros and environments of the preamble named in .mathdown.json', async () => {
    const doc = await previewOf(inFolder('alpha', 'macros.md'));
    const s = await waitForPreview(doc, 'the preamble macros typeset', (r) => r.svgCount === 4 && r.errorCount === 0);
    assert.equal(s.errorCount, 0);
  });

  test('the editor shows exactly what `mathdown lint` prints for the same file and settings', async () => {
    const uri = inFolder('alpha', 'lint.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const cli = join(extensionPath, 'dist', 'cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', '--format', 'json', 'lint.md'], {
      cwd: vscode.Uri.joinPath(uri, '..').fsPath,
    }).catch((e: { stdout?: string; code?: number }) => {
      // Exit code 1: there are diagnostics, as expected.
      if (e.code === 1 && e.stdout) return { stdout: e.stdout };
      throw e;
    });
    const expected = (JSON.parse(stdout) as Array<Record<string, unknown>>).map((d) =>
      [d.rule, d.line, d.column, d.endLine, d.endColumn, d.severity, d.message].join(' '),
    );
    assert.ok(
      expected.some((d) => d.startsWith('MM102') && d.includes(' warning ')),
      `the CLI used .mathdown.json: ${expected.join('\n')}`,
    );
    assert.ok(
      expected.some((d) => d.startsWith('MM301') && d.includes('\\foo')),
      `the CLI reports \\foo: ${expected.join('\n')}`,
    );
    assert.ok(!expected.some((d) => d.includes('\\norm') || d.includes('\\R ')), 'the preamble macros are known to the CLI');
    const shown = await waitFor(() => {
      const now = vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'mathdown')
        .map((d) =>
          [
            typeof d.code === 'object' ? d.code.value : d.code,
            d.range.start.line + 1,
            d.range.start.character + 1,
            d.range.end.line + 1,
            d.range.end.character + 1,
            SEVERITY[d.severity],
            d.message,
          ].join(' '),
        );
      return now.length === expected.length ? now : undefined;
    }, `${expected.length} diagnostics in the editor`);
    assert.deepEqual(shown, expected);
  });

  test('editing the preamble re-renders the open preview', async () => {
    const preamble = inFolder('alpha', 'tex/preamble.tex');
    const before = await vscode.workspace.fs.readFile(preamble);
    const doc = await previewOf(inFolder('alpha', 'edit.md'));
    await waitForPreview(doc, '\\E undefined', (r) => r.errorCount === 1);
    try {
      await vscode.workspace.fs.writeFile(
        preamble,
        new TextEncoder().encode(new TextDecoder().decode(before) + '\\newcommand{\\E}{\\mathbb{E}}\n'),
      );
      await waitForPreview(doc, '\\E from the edited preamble', (r) => r.svgCount === 1 && r.errorCount === 0);
    } finally {
      await vscode.workspace.fs.writeFile(preamble, before);
    }
    await waitForPreview(doc, '\\E undefined again', (r) => r.errorCount === 1);
  });

  test('a broken .mathdown.json is a diagnostic on the file at the JSON error, and the preview still renders', async () => {
    const doc = await previewOf(inFolder('alpha', 'broken/doc.md'));
    const s = await waitForPreview(doc, 'the formulas on defaults', (r) => r.svgCount === 2);
    assert.equal(s.errorCount, 0);
    const config = inFolder('alpha', 'broken/.mathdown.json');
    const [d] = await waitFor(() => {
      const ds = settingsDiagnostics(config);
      return ds.length ? ds : undefined;
    }, 'a diagnostic on the broken settings file');
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d!.message, /not valid JSON/);
    assert.equal(d!.range.start.line, 2, 'at the line of the JSON error');
  });

  test('two workspace folders with different settings render the same text differently', async () => {
    const alpha = await previewOf(inFolder('alpha', 'same.md'));
    const a = await waitForPreview(alpha, 'alpha: \\R from the preamble, both delimiters', (r) => r.svgCount === 2);
    assert.equal(a.errorCount, 0);
    const beta = await previewOf(inFolder('beta', 'same.md'));
    const b = await waitForPreview(beta, 'beta: dollars only, \\R from its folder settings', (r) => r.svgCount === 1);
    assert.equal(b.errorCount, 0);
  });
});
