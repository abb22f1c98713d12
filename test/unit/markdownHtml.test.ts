// HTML rendering: data-line on block elements, heading ids, math wrappers, per-block rendering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown, renderHtml, topLevelBlocks } from '../../src/core/markdown';

const tex = (doc: ReturnType<typeof parseMarkdown>) => (i: number) => `[${doc.formulas[i]!.tex}]`;
const render = (text: string, dataLine = true): string => {
  const doc = parseMarkdown(text);
  return renderHtml(doc, tex(doc), { dataLine });
};
/** [tag, data-line] of every element that carries data-line, in output order. */
const lines = (html: string): Array<[string, number]> =>
  [...html.matchAll(/<([a-z0-9]+)[^>]*? data-line="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]);

const DOC = [
  '# Title', //                      0
  '', //                             1
  'Para $x$ one', //                  2
  'continues.', //                    3
  '', //                             4
  '- item a', //                      5
  '- item b', //                      6
  '  > quoted', //                    7
  '', //                             8
  '```js', //                         9
  'code', //                         10
  '```', //                          11
  '', //                            12
  '| a | b |', //                    13
  '|---|---|', //                    14
  '| 1 | 2 |', //                    15
  '', //                            16
  '***', //                          17
  '', //                            18
  '$$', //                           19
  'E', //                            20
  '$$', //                           21
  '<div align="center">', //         22
  'raw', //                          23
  '</div>', //                       24
  '', //                            25
  '1. one', //                       26
  '', //                            27
  '   two $y$', //                   28
].join('\n');

test('every block element carries its 0-based source line and code-line', () => {
  const html = render(DOC);
  assert.deepEqual(lines(html), [
    ['h1', 0],
    ['p', 2],
    ['ul', 5],
    ['li', 5],
    ['li', 6],
    ['blockquote', 7],
    ['p', 7],
    ['pre', 9],
    ['table', 13],
    ['hr', 17],
    ['div', 19],
    ['div', 22],
    ['ol', 26],
    ['li', 26],
    ['p', 26],
    ['p', 28],
  ]);
  for (const m of html.matchAll(/<[a-z0-9]+[^>]* data-line="\d+"[^>]*>/g)) assert.match(m[0], /class="[^"]*\bcode-line\b/);
});

test('dataLine: false emits neither data-line nor code-line', () => {
  const html = render(DOC, false);
  assert.doesNotMatch(html, /data-line|code-line/);
  assert.match(html, /<div class="mathdown-display" data-formula="1" translate="no">\[\nE\n\]<\/div>/);
});

test('math wrappers: inline span, display in running text, display block', () => {
  const html = render('Inline $a$ and $$b$$ here.\n\n$$\nc\n$$\n');
  assert.match(html, /<span class="mathdown-math" data-formula="0" translate="no">\[a\]<\/span>/);
  assert.match(html, /<span class="mathdown-math mathdown-display-inline" data-formula="1" translate="no">\[b\]<\/span>/);
  assert.match(html, /<div class="mathdown-display code-line" data-formula="2" data-line="2" translate="no">\[\nc\n\]<\/div>/);
  const inline = parseMarkdown('Inline $$b$$ here.', { doubleDollarInText: 'inline' });
  assert.match(renderHtml(inline, tex(inline)), /<span class="mathdown-math" data-formula="0" translate="no">/);
});

test('headings get GitHub-style ids, unique per document, also when rendered block by block', () => {
  const text = '# Intro\n\n## Intro\n\n## Énergie $E$ *vite*\n\n> # Intro\n';
  const doc = parseMarkdown(text);
  const whole = renderHtml(doc, tex(doc));
  const ids = [...whole.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, ['intro', 'intro-1', 'énergie-e-vite', 'intro-2']);
  const byBlock = topLevelBlocks(doc)
    .map((block) => renderHtml(doc, tex(doc), { block }))
    .join('');
  assert.equal(byBlock, whole);
});

test('code fences keep their language class and escape their content; math fences are math', () => {
  const html = render('```python\nif a < b: print("$x$")\n```\n\n```math\n\\frac{1}{2}\n```\n');
  assert.match(
    html,
    /<pre data-line="0" class="code-line"><code class="language-python">if a &lt; b: print\(&quot;\$x\$&quot;\)\n<\/code><\/pre>/,
  );
  assert.match(html, /<div class="mathdown-display code-line" data-formula="0" data-line="4" translate="no">\[\\frac\{1\}\{2\}\]<\/div>/);
});

test('the blocks rendered one by one join to the whole render', () => {
  const doc = parseMarkdown(DOC);
  const whole = renderHtml(doc, tex(doc));
  const blocks = topLevelBlocks(doc);
  assert.equal(blocks.map((block) => renderHtml(doc, tex(doc), { block })).join(''), whole);
  assert.deepEqual(
    blocks.map((b) => [b.startLine, b.endLine]),
    [
      [0, 1],
      [2, 4],
      [5, 8],
      [9, 12],
      [13, 16],
      [17, 18],
      [19, 22],
      [22, 25],
      [26, 29],
    ],
  );
  assert.deepEqual(
    blocks.map((b) => b.formulaIndices),
    [[], [0], [], [], [], [], [1], [], [2]],
  );
});

test('CRLF and LF documents render the same HTML', () => {
  const lf = parseMarkdown(DOC);
  const crlf = parseMarkdown(DOC.replace(/\n/g, '\r\n'));
  assert.equal(renderHtml(crlf, tex(crlf)), renderHtml(lf, tex(lf)));
});

test('front matter renders nothing and hides its content from math', () => {
  const doc = parseMarkdown('---\ntitle: $x$\n---\n\n# Head $y$\n');
  assert.deepEqual(
    doc.formulas.map((f) => f.tex),
    ['y'],
  );
  assert.equal(
    renderHtml(doc, tex(doc)),
    '<h1 id="head-y" data-line="4" class="code-line">Head <span class="mathdown-math" data-formula="0" translate="no">[y]</span></h1>\n',
  );
});

test('a * inside an environment at a line start does not pair as emphasis', () => {
  const html = render('Aligned *not emphasis*\n\\begin{align*}a*b\\end{align*} and *real*\n');
  assert.match(html, /<em>not emphasis<\/em>/);
  assert.match(html, /\[\\begin\{align\*\}a\*b\\end\{align\*\}\]<\/span> and <em>real<\/em>/);
  // Text after \end keeps the environment in the paragraph, where only the mask protects its `*`.
  const open = parseMarkdown('*open\n\\begin{align*}x*y\\end{align*} tail\n');
  assert.deepEqual(
    open.formulas.map((f) => f.tex),
    ['\\begin{align*}x*y\\end{align*}'],
  );
  assert.match(renderHtml(open, tex(open)), /<p data-line="0" class="code-line">\*open\n<span/);
});
