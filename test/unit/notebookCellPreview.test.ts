// A notebook cell painted by the webview on its own (src/core/render/cellPreview.ts), before the
// extension's answer: its math typeset, but nothing it would show wrong without the cells above it
// (automatic equation numbers left out; a cell with a reference or a failing formula not painted).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cellPreview, mayPaintAlone } from '../../src/core';
import { MathdownRenderer } from './helpers/testRenderer';

const renderer = new MathdownRenderer({ helpers: 0 });
after(() => renderer.dispose());

/** Equation numbers (tags and references) in the HTML, from the assistive MathML. */
function numbers(html: string): string[] {
  return [...html.matchAll(/<mtext>\(([^<]*)\)<\/mtext>/g)].map((m) => m[1]!);
}

const CASES: { name: string; text: string; painted: boolean; numbers?: string[]; formulas?: number }[] = [
  { name: 'inline and display math', text: 'Let $x^2$ and $y$ be\n\n$$\\int_0^1 f$$\n', painted: true, numbers: [], formulas: 3 },
  {
    name: 'a numbered equation: its number left out',
    text: '\\begin{equation}\na = b\n\\end{equation}\n',
    painted: true,
    numbers: [],
    formulas: 1,
  },
  { name: 'an explicit \\tag is the cell’s own', text: '$$a = b \\tag{A}$$\n', painted: true, numbers: ['A'], formulas: 1 },
  { name: 'a macro the cell defines', text: '$\\newcommand{\\R}{\\mathbb{R}}$ and $\\R^2$\n', painted: true, formulas: 2 },
  { name: 'a label of its own is still no number', text: '\\begin{equation}\\label{e}\na\n\\end{equation}\n', painted: true, numbers: [] },
  { name: '\\eqref: the number may be another cell’s', text: 'By \\eqref{e}, $x$.\n\n$$\\eqref{e}$$\n', painted: false },
  { name: '\\ref inside math', text: '$\\ref{e}$\n', painted: false },
  { name: 'a macro defined by an earlier cell', text: 'On $\\R^2$.\n', painted: false },
  { name: 'a TeX error', text: '$\\frac{a$\n', painted: false },
  { name: 'text only', text: 'Costs $5 and $10.\n', painted: true, formulas: 0 },
];

for (const c of CASES) {
  test(`cellPreview: ${c.name}`, async () => {
    const cell = await cellPreview(renderer, c.text);
    assert.equal(cell !== undefined, c.painted);
    if (!cell) return;
    if (c.numbers) assert.deepEqual(numbers(cell.html), c.numbers);
    if (c.formulas !== undefined) assert.equal(cell.html.match(/<mjx-container/g)?.length ?? 0, c.formulas);
    assert.match(cell.css, /mjx-container/);
  });
}

test('mayPaintAlone: MyST references wait for the notebook, MyST math roles do not', () => {
  assert.equal(mayPaintAlone('see {eq}`euler`'), false);
  assert.equal(mayPaintAlone('see {numref}`fig`'), false);
  assert.equal(mayPaintAlone('with {math}`e^x`'), true);
  assert.equal(mayPaintAlone('plain'), true);
});
