import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { MathdownRenderer } from './helpers/testRenderer';

const renderer = new MathdownRenderer({ helpers: 0 });
after(() => renderer.dispose());

const TEXT = [
  '# Notes',
  '',
  '$$\\newcommand{\\RR}{\\mathbb{R}}$$',
  '',
  'Inline $x \\in \\RR$ and $\\frac{a}{$ broken.',
  '',
  '$$\\begin{align} a &= b \\label{e} \\\\ c &= d \\end{align}$$',
  '',
  '| a | $b_1 * c_2$ |',
  '|---|---|',
  '| $\\undefined$ | $\\eqref{e}$ |',
  '',
].join('\n');

test("formulas() gives render()'s formulas, MathJax's errors included, without building HTML, and fills the same cache", async () => {
  const formulas = await renderer.formulas(TEXT, { fontCache: 'global' });
  assert.deepEqual(formulas.map((f) => f.error?.id).filter(Boolean), ['MissingCloseBrace', 'UndefinedControlSequence']);
  const rendered = await renderer.render(TEXT, { fontCache: 'global' });
  assert.deepEqual(formulas, rendered.formulas);
  assert.equal(rendered.stats.misses, 0, 'render typeset again what formulas() had typeset');
  assert.equal(rendered.stats.blocksRendered, rendered.blocks.length, 'formulas() built block HTML');
});

test('formulas() is refused once its signal is aborted', async () => {
  const abort = new AbortController();
  abort.abort();
  await assert.rejects(renderer.formulas(TEXT, { signal: abort.signal }), { name: 'AbortError' });
});
