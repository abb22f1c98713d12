// Getting math out of the preview: the context menu's copies of one formula, and a selection
// copied across prose and formulas.
import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, startClean } from './helpers';
import { showFixture, waitForPreview } from './previewHelpers';

type Context = Record<string, unknown>;
interface Probed {
  context: Context;
  focusable: boolean;
  focused: boolean;
}

function probe<T>(kind: 'contextMenu' | 'copySelection', selector: string, to?: string): Thenable<T> {
  return vscode.commands.executeCommand<T>('mathdown.test.probePreview', kind, selector, to);
}

/** The entries of the webview/context menu whose `when` holds for `context` (webviewId, webviewSection). */
function menuFor(context: Context): string[] {
  const pkg = vscode.extensions.all.find((e) => e.packageJSON?.name === 'mathdown')!.packageJSON as {
    contributes: { menus: Record<string, { command: string; when: string }[]> };
  };
  const values: Context = { ...context, webviewId: context['webview'] };
  return pkg.contributes.menus['webview/context']!.filter((item) =>
    item.when.split('&&').every((clause) => {
      const [key, value] = clause.split('==').map((x) => x.trim());
      return value === undefined ? Boolean(values[key!]) : values[key!] === value.replace(/^'|'$/g, '');
    }),
  ).map((item) => item.command);
}

suite('copy from the preview', () => {
  suiteSetup(startClean);
  setup(closeAll);
  suiteTeardown(closeAll);

  test('the context menu on a formula copies its TeX, MathML and SVG', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    // The second formula, $\alpha + \beta$: right-clicked on its SVG, as the reader would.
    const { context } = await probe<Probed>('contextMenu', '[data-formula="1"] svg');
    assert.equal(context['mathdownFormula'], 1);
    assert.equal(context['webviewSection'], 'formula');
    // VS Code passes the menu's commands this context and the webview's id.
    const args = { ...context, webview: 'mathdown.preview' };
    assert.deepEqual(menuFor(args), ['mathdown.preview.copyTex', 'mathdown.preview.copyMathml', 'mathdown.preview.copySvg']);
    assert.deepEqual(menuFor({ webview: 'mathdown.preview' }), [], 'no copy entries off a formula');

    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('mathdown.preview.copyTex', args);
    assert.equal(await vscode.env.clipboard.readText(), '$\\alpha + \\beta$');

    await vscode.commands.executeCommand('mathdown.preview.copyMathml', args);
    const mathml = await vscode.env.clipboard.readText();
    assert.match(mathml, /^<math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"[^>]*>/);
    assert.match(mathml, /<mi>α<\/mi>[^]*<mo>\+<\/mo>[^]*<mi>β<\/mi>/);
    assert.match(mathml, /<\/math>$/);

    await vscode.commands.executeCommand('mathdown.preview.copySvg', args);
    const svg = await vscode.env.clipboard.readText();
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Standalone: every glyph it uses is defined inside it.
    const used = [...svg.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(used.length >= 3, `the SVG uses glyphs (${used.length})`);
    for (const id of used) assert.ok(svg.includes(`id="${id}"`), `glyph ${id} is inside the SVG`);

    // A display formula copies with its own delimiters.
    await vscode.commands.executeCommand('mathdown.preview.copyTex', { ...args, mathdownFormula: 2 });
    assert.equal(await vscode.env.clipboard.readText(), '$$\n\\int_0^1 x^2 \\, dx = \\frac{1}{3}\n$$');
  });

  test('a formula is reachable from the keyboard: Tab focuses it, the context menu key opens its menu', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const probed = await probe<Probed>('contextMenu', '[data-formula="3"]');
    assert.equal(probed.focusable, true, 'in the Tab order');
    assert.equal(probed.focused, true);
    assert.equal(probed.context['mathdownFormula'], 3);
    assert.deepEqual(menuFor({ ...probed.context, webview: 'mathdown.preview' }).length, 3);
  });

  test('copying a selection across two formulas puts their TeX in the text and keeps them rendered in the HTML', async () => {
    const editor = await showFixture('basic.md');
    await vscode.commands.executeCommand('mathdown.preview.openToSide');
    await waitForPreview(editor.document, 'the first render', (r) => r.svgCount > 0);
    const copied = await probe<{ text: string; html: string }>('copySelection', '[data-formula="0"]', '[data-formula="1"]');
    assert.equal(copied.text, '$E = mc^2$ and $\\alpha + \\beta$');
    assert.match(copied.html, /^<span class="mathdown-math" data-formula="0"[^]*<svg[^]*<\/svg>[^]* and <span[^]*<svg/);
    assert.doesNotMatch(copied.html, /mjx-assistive-mml/);
    const paragraph = await probe<{ text: string; html: string }>('copySelection', 'p');
    assert.equal(paragraph.text, 'Inline math $E = mc^2$ and $\\alpha + \\beta$ in a sentence.');
  });
});
