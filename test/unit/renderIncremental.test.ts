import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { MathdownRenderer } from './helpers/testRenderer';

const doc = [
  '# Notes',
  '',
  'Intro with $a_1 * b_2$ and $\\{x\\}$.',
  '',
  'Defined $\\newcommand{\\N}{\\mathbb{N}}$, then used: $n \\in \\N$.',
  '',
  '> Quoted.',
  '>',
  '> [q]: https://example.net',
  '',
  '## Notes',
  '',
  '$$',
  'E = mc^2 \\label{e}',
  '$$',
  '',
  '- item $x^2$',
  '- item $y^2$',
  '',
  '| a | $|x|$ |',
  '|---|---|',
  '| 1 | $2$ |',
  '',
  'See \\eqref{e}, [ref][r] and [quote][q].',
  '',
  'A note[^n] on $x_*$, another[^m] and the first again[^n].',
  '',
  '[r]: https://example.org',
  '',
  '[^n]: Note with $a_1 * b_2 \\{x\\}$.',
  '',
  '    Its second paragraph $|y|$.',
  '',
  '[^m]: Short note.',
  '',
].join('\n');

const warm = new MathdownRenderer();
after(() => warm.dispose());

async function fresh(text: string) {
  const r = new MathdownRenderer();
  try {
    return await r.render(text);
  } finally {
    await r.dispose();
  }
}

test('re-rendering unchanged text reuses every block', async () => {
  await warm.render(doc, { documentKey: 'doc' });
  const again = await warm.render(doc, { documentKey: 'doc' });
  assert.equal(again.stats.blocksRendered, 0);
  assert.equal(again.stats.misses, 0);
});

const edits: [string, (t: string) => string][] = [
  ['one character inside a formula', (t) => t.replace('x^2', 'x^3')],
  ['a line inserted at the top', (t) => 'New first line.\n\n' + t],
  ['a formula removed', (t) => t.replace(' and $\\{x\\}$', '')],
  ['a duplicate heading renamed', (t) => t.replace('## Notes', '## Other')],
  ['a link definition changed', (t) => t.replace('https://example.org', 'https://example.com')],
  ['a label renamed so the reference breaks', (t) => t.replace('\\label{e}', '\\label{f}')],
  ['a \\newcommand deleted', (t) => t.replace('$\\newcommand{\\N}{\\mathbb{N}}$', 'nothing')],
  ['a paragraph with reference links edited', (t) => t.replace('See \\eqref', 'Now see \\eqref')],
  ['a link definition in a block quote removed', (t) => t.replace('>\n> [q]: https://example.net\n', '')],
  ['a footnote reference added before the others, renumbering them', (t) => t.replace('Intro with', 'Intro[^m] with')],
  ['a footnote reference removed', (t) => t.replace('another[^m]', 'another')],
  ['a footnote definition removed, so its references turn to text', (t) => t.replace('[^m]: Short note.', '')],
  ['a paragraph with footnote references edited', (t) => t.replace('on $x_*$', 'on $x_+$')],
  ['a formula in a footnote edited', (t) => t.replace('$|y|$', '$|z|$')],
  ['a reference link edited in a paragraph', (t) => t.replace('See \\eqref', 'See also \\eqref')],
];

for (const [name, edit] of edits) {
  test(`after ${name}, and after its undo, the HTML equals a fresh render`, async () => {
    assert.notEqual(edit(doc), doc, 'the edit applies');
    await warm.render(doc, { documentKey: 'doc' });
    for (const text of [edit(doc), doc]) {
      const incremental = await warm.render(text, { documentKey: 'doc' });
      const reference = await fresh(text);
      assert.equal(incremental.html, reference.html);
      assert.deepEqual(
        incremental.blocks.map((b) => b.key),
        reference.blocks.map((b) => b.key),
      );
      assert.deepEqual(incremental.formulas, reference.formulas);
    }
  });
}

test('one character changed inside a formula re-renders only its block', async () => {
  await warm.render(doc, { documentKey: 'doc' });
  const r = await warm.render(doc.replace('y^2', 'y^3'), { documentKey: 'doc' });
  assert.equal(r.stats.blocksRendered, 1);
  assert.equal(r.stats.misses, 1);
});

test('a long run of random edits renders exactly as fresh renders of the same texts', async () => {
  let seed = 2026;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const pieces = [
    '$',
    '$$',
    '\\',
    '\n',
    '\n\n',
    '#',
    '- ',
    '|',
    'x',
    '2',
    '{',
    '}',
    '\\label{q}',
    '\\eqref{e}',
    '\\begin{align}a&=1\\\\b\\end{align}',
    '\r\n',
    ' ',
    '[^n]',
    '[^m]',
    '[^n]: ',
    '\n[^k]: $k$\n',
    '[^k]',
    '    ',
  ];
  const base = [doc, doc.replace(/Notes/g, 'More'), '\\begin{equation}F\\label{g}\\end{equation}', '', 'Then \\eqref{g}.', ''].join('\n');
  const reference = new MathdownRenderer();
  try {
    let text = base;
    let reused = 0;
    for (let step = 0; step < 60; step++) {
      const at = rnd(text.length + 1);
      const cut = rnd(4) === 0 ? rnd(12) : 0;
      text = text.slice(0, at) + (rnd(3) === 0 ? '' : pieces[rnd(pieces.length)]!) + text.slice(at + cut);
      const incremental = await warm.render(text, { documentKey: 'random', fontCache: 'global' });
      const expected = await reference.render(text, { fontCache: 'global' });
      assert.equal(incremental.html, expected.html, `step ${step}`);
      assert.equal(incremental.fontDefs, expected.fontDefs, `step ${step}`);
      assert.deepEqual(
        incremental.blocks.map((b) => [b.key, b.startLine, b.endLine, b.formulaIndices]),
        expected.blocks.map((b) => [b.key, b.startLine, b.endLine, b.formulaIndices]),
        `step ${step}`,
      );
      assert.deepEqual(incremental.formulas, expected.formulas, `step ${step}`);
      reused += incremental.blocks.length - incremental.stats.blocksRendered;
    }
    assert.ok(reused > 0, 'blocks were reused along the way');
  } finally {
    await reference.dispose();
  }
});
