// The web extension (package.json "browser", dist/web/) in VS Code's web worker extension host:
// code-server's browser side, with the test profile's `remote.extensionKind` sending Mathdown
// there (test/e2e/runExtensionTests.mjs --web). Bundled with the preview and authoring suites into
// out/test/web/index.js (test/web/index.ts), which that host loads as its one tests module.
import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { scriptBlobUrl, webWorkerStarter } from '../../src/browser/platform/webWorkers';
import { parseMarkdown } from '../../src/core/markdown';
import type { WorkerReply, WorkerRequest } from '../../src/core/typeset/typesetProtocol';
import { Typesetter, type TypesetJob } from '../../src/core/typeset/typesetter';
import { closeAll, fixtureUri, startClean, waitFor } from '../integration/helpers';
import { waitForPreview } from '../integration/previewHelpers';

function mathdown(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension('mathdown.mathdown');
  assert.ok(ext, 'extension mathdown.mathdown is loaded');
  return ext;
}

async function writeFixture(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = fixtureUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  return doc;
}

const mathdownDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mathdown');
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

suite('web extension host', () => {
  suiteSetup(async () => {
    await startClean();
    await mathdown().activate();
  });
  setup(closeAll);
  suiteTeardown(closeAll);

  test("runs in the browser's web worker extension host, from the browser bundle", () => {
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node process here');
    assert.equal(typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope, 'function', 'a Web Worker');
    const ext = mathdown();
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'the extension runs on the UI side (the web worker host)');
    assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    assert.ok(ext.isActive);
  });

  test('the showcase preview shows every formula as SVG, but for its one deliberate error box', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(mathdown().extensionUri, 'examples', 'showcase.md'));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const formulas = parseMarkdown(doc.getText()).formulas.length;
    assert.ok(formulas > 20, `the showcase has formulas (${formulas})`);
    const s = await waitForPreview(doc, 'the showcase typeset', (r) => r.svgCount + r.errorCount === formulas);
    assert.equal(s.errorCount, 1, 'one error box');
    assert.equal(s.svgCount, formulas - 1, 'every other formula as SVG');
    assert.equal(s.bannerShown, false);
  });

  test('a runaway formula becomes an error box and the rest of the preview still renders', async () => {
    const hostile = 'a+'.repeat(50_000) + 'a';
    const doc = await writeFixture('web-hostile.md', `Before $x_1$.\n\n$$\n${hostile}\n$$\n\nAfter $e^{i\\pi} = -1$.\n`);
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    const s = await waitForPreview(doc, 'the render with the hostile formula', (r) => r.errorCount + r.svgCount === 3);
    assert.equal(s.errorCount, 1);
    assert.equal(s.svgCount, 2);
  });

  test('a formula over the time cap stops its Web Worker, which is replaced, and shows as a Timeout error', async () => {
    // The extension's typesetter and this one run the same worker script, started the same way;
    // this one with a length cap that lets the long formula reach the time cap (the product's).
    const file = vscode.Uri.joinPath(mathdown().extensionUri, 'dist', 'web', 'typesetWorker.js');
    const url = Promise.resolve(vscode.workspace.fs.readFile(file)).then(scriptBlobUrl);
    const starter = webWorkerStarter<WorkerRequest, WorkerReply>(url, file.toString());
    let started = 0;
    const typesetter = new Typesetter({
      worker: { name: starter.name, start: () => (started++, starter.start()) },
      maxTexLength: 1_000_000,
      timeoutMs: 1000,
      timeoutRetryMs: 0,
      helpers: 0,
    });
    try {
      const inline = (tex: string): TypesetJob => ({ tex, display: false });
      const typeset = (tex: string) => typesetter.typeset({ jobs: [inline(tex)], macros: {}, equationNumbers: 'ams' });
      assert.ok(!(await typeset('x^2')).formulas[0]!.error, 'the first worker typesets');
      assert.equal(started, 1);
      assert.equal((await typeset('a+'.repeat(50_000) + 'a')).formulas[0]!.error?.id, 'Timeout');
      // A fresh worker's first formula may itself be slow on a busy machine: it is typeset again until it is not.
      const after = await waitFor(async () => {
        const f = (await typeset('\\sqrt{y}')).formulas[0]!;
        return f.error ? undefined : f;
      }, 'the replacement worker to typeset');
      assert.ok(after.html.startsWith('<mjx-container'));
      assert.ok(started >= 2, 'the stopped worker was replaced');
    } finally {
      await typesetter.dispose();
    }
  });

  test('a broken formula gets its TeX diagnostic; a quick fix and Fix all work', async () => {
    const doc = await writeFixture('web-lint.md', 'Broken $a + \\nosuch{b}$ here.\n\nThe set $\\{x \\mid x > 0\\}$ and $\\{y\\}$.\n');
    await vscode.commands.executeCommand('workbench.action.files.save');
    const tex = await waitFor(() => mathdownDiagnostics(doc.uri).find((d) => codeOf(d) === 'MM301'), 'the TeX error diagnostic');
    assert.equal(doc.getText(tex.range), '\\nosuch');
    const fixable = await waitFor(
      () => mathdownDiagnostics(doc.uri).filter((d) => codeOf(d) === 'MM102').length === 4 || undefined,
      'MM102 x4',
    );
    assert.ok(fixable);
    const first = mathdownDiagnostics(doc.uri).find((d) => codeOf(d) === 'MM102')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      first.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Fix MM102'));
    assert.ok(fix?.edit, `a quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('$`\\{x \\mid x > 0\\}`$'), doc.getText());
    assert.ok(await vscode.commands.executeCommand('mathdown.lint.fixAll'), 'Fix all applied an edit');
    assert.ok(doc.getText().includes('$`\\{y\\}`$'), doc.getText());
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !mathdownDiagnostics(doc.uri).some((d) => codeOf(d) === 'MM102'), 'the MM102 problems gone');
  });

  test('hover inside a formula shows it typeset', async () => {
    const doc = await writeFixture('web-hover.md', 'Energy $E = mc^2$ here.\n');
    const at = doc.positionAt(doc.getText().indexOf('mc^2') + 1);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    }, 'a hover');
    assert.match(text, /!\[formula\]\(data:image\/svg\+xml;base64,/);
  });

  test('Export to HTML writes the page through workspace.fs', async () => {
    const doc = await writeFixture('web-export.md', '# Exported\n\nEnergy $E = mc^2$ and ![img](pictures/img.png).\n');
    const written = await vscode.commands.executeCommand<string>('mathdown.export.html', { uri: doc.uri, output: 'out/web-export.html' });
    const target = fixtureUri('out/web-export.html');
    assert.equal(written, target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<title>Exported<\/title>/);
    assert.match(html, /<svg[^>]*>/);
    assert.match(html, /src="data:image\/png;base64,/, 'the local image embedded');
  });
});
