// A notebook's Markdown cells as one document (renderCells, exportHtml of an .ipynb, the CLI):
// equation numbers continue across cells, \eqref finds a \label in another cell, a \newcommand
// applies to later cells; moving or deleting cells renumbers the cells after them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { exportHtml, readIpynb, DEFAULT_SETTINGS, NotebookFormatError } from '../../src/core';
import { runCli } from './helpers/runCli';
import { MathdownRenderer } from './helpers/testRenderer';

const renderer = new MathdownRenderer({ helpers: 0 });
after(() => renderer.dispose());

const FIXTURE = join(__dirname, '../../../test/fixtures/notebook/cross-cell.ipynb');
const JSON_TEXT = readFileSync(FIXTURE, 'utf8');
const MARKDOWN = readIpynb(JSON_TEXT)
  .cells.filter((c) => c.kind === 'markdown')
  .map((c) => c.source);

/** Equation numbers (tags and references) in the HTML, in order, from the assistive MathML; `???` for an unknown label. */
function numbers(html: string): string[] {
  return [...html.matchAll(/<mtext>\(([^<]*)\)<\/mtext>/g)].map((m) => m[1]!);
}

async function render(cells: readonly string[]) {
  const result = await renderer.renderCells(cells, { assistiveMml: true });
  return result.cells.map((c) => ({ numbers: numbers(c.html), errors: c.formulas.filter((f) => f.error).map((f) => f.tex) }));
}

test('readIpynb: cells in order, sources joined, outputs as the export shows them', () => {
  const nb = readIpynb(JSON_TEXT);
  assert.deepEqual(
    nb.cells.map((c) => c.kind),
    ['markdown', 'code', 'markdown', 'markdown'],
  );
  assert.equal(nb.language, 'python');
  assert.deepEqual(
    nb.cells[1]!.outputs.map((o) => o.kind),
    ['text', 'text', 'image', 'omitted', 'error'],
  );
  assert.equal(nb.cells[1]!.outputs[4]!.kind === 'error' && nb.cells[1]!.outputs[4]!.text, 'ValueError: bad\n');
  assert.throws(() => readIpynb('{"cells": '), NotebookFormatError);
  assert.throws(() => readIpynb('{"nbformat": 4}'), NotebookFormatError);
});

test('numbers continue across cells, \\eqref reaches another cell, \\newcommand applies to later cells', async () => {
  assert.deepEqual(await render(MARKDOWN), [
    { numbers: ['1'], errors: [] },
    { numbers: ['2', '1'], errors: [] },
    { numbers: ['3', '2'], errors: [] },
  ]);
});

test('cells moved: numbers follow the new order, a macro used before its cell is undefined', async () => {
  const [first, second, third] = MARKDOWN as [string, string, string];
  assert.deepEqual(await render([third, second, first]), [
    { numbers: ['1', '2'], errors: [] },
    { numbers: ['2', '3'], errors: ['\\R^2'] },
    { numbers: ['3'], errors: [] },
  ]);
});

test('a cell deleted: later numbers move up, a reference to its label is unknown', async () => {
  const [, second, third] = MARKDOWN as [string, string, string];
  assert.deepEqual(await render([second, third]), [
    { numbers: ['1', '???'], errors: ['\\R^2'] },
    { numbers: ['2', '1'], errors: [] },
  ]);
});

test('cells with identical text are numbered apart, twice in a row (typeset and block caches)', async () => {
  const same = 'Again:\n\n\\begin{equation}\na^2 + b^2 = c^2\n\\end{equation}\n';
  const cells = [same, 'Between $x$.', same, same];
  const expected = [
    { numbers: ['1'], errors: [] },
    { numbers: [], errors: [] },
    { numbers: ['2'], errors: [] },
    { numbers: ['3'], errors: [] },
  ];
  assert.deepEqual(await render(cells), expected);
  assert.deepEqual(await render(cells), expected);
  const keyed = await renderer.renderCells(cells, { assistiveMml: true, keys: ['c0', 'c1', 'c2', 'c3'] });
  assert.deepEqual(
    keyed.cells.map((c) => numbers(c.html)),
    expected.map((e) => e.numbers),
  );
});

test('exportHtml of an .ipynb: Markdown cells typeset as one document, code and text outputs, images embedded, rich outputs named', async () => {
  const html = await exportHtml(JSON_TEXT, { renderer, settings: DEFAULT_SETTINGS, sourceName: 'cross-cell.ipynb' });
  assert.match(html, /<title>Cross-cell math<\/title>/);
  assert.deepEqual(numbers(html), ['1', '2', '1', '3', '2']);
  assert.match(html, /<pre><code class="language-python">import numpy as np\nprint\(&#39;\$5 and \$10&#39;\)<\/code><\/pre>/);
  assert.match(html, /<pre class="nb-output">\$5 and \$10\n<\/pre>/);
  assert.match(html, /<pre class="nb-output">array\(\[1, 2\]\)<\/pre>/);
  assert.match(html, /<img class="nb-output" alt="" src="data:image\/png;base64,iVBOR/);
  assert.match(html, /Output not shown in the export \(text\/html\)/);
  assert.match(html, /<pre class="nb-output nb-error">ValueError: bad\n<\/pre>/);
  assert.doesNotMatch(html, /<b>rich<\/b>|<script/);
});

test('mathdown export notebook.ipynb writes the page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mathdown-nb-'));
  try {
    const out = join(dir, 'out.html');
    const r = await runCli(dir, ['export', FIXTURE, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(numbers(readFileSync(out, 'utf8')), ['1', '2', '1', '3', '2']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
