// A block's key, made once in the core from its HTML relative to where it stands (blockTemplate.ts):
// the preview sends and patches a block only when its key changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlockHtmlCache } from '../../src/core/render/blockHtmlCache';
import { footnotesTemplate, MARK, originOf, placeTemplate, renderTemplates } from '../../src/core/render/blockTemplate';
import { parseMarkdown, renderHtml, topLevelBlocks } from '../../src/core/markdown';

/** Formula HTML that depends on the formula only, as the typesetter's does. */
const mathOf = (text: string) => {
  const doc = parseMarkdown(text);
  return { doc, mathHtml: (i: number) => `<svg>${doc.formulas[i]!.tex}</svg>` };
};

/** Each block's key and HTML, from a cache of its own. */
function blocksOf(text: string, cache = new BlockHtmlCache()) {
  const { doc, mathHtml } = mathOf(text);
  const blocks = topLevelBlocks(doc);
  const cached = cache.blocksHtml(doc, blocks, mathHtml, (missing) => renderTemplates(doc, mathHtml, missing));
  return blocks.map((b, i) => ({
    key: cached[i]!.key,
    startLine: b.startLine,
    html: placeTemplate(cached[i]!.template, originOf(b)),
    fixed: !!cached[i]!.template.fixed,
  }));
}

const block = 'a $x$ and $y$';
const last = (text: string) => blocksOf(text).at(-1)!;

test('a block that only moved keeps its key', () => {
  const early = last(`One.\n\n${block}\n`);
  const moved = last(`Q $a$ $b$.\n\n$c$ $d$.\n\n\n\n\n\n\n\n${block}\n`);
  assert.equal(early.startLine, 2);
  assert.equal(moved.startLine, 10);
  assert.equal(moved.key, early.key);
  assert.match(early.html, /data-line="2"[^]*data-formula="0"[^]*data-formula="1"/);
  assert.match(moved.html, /data-line="10"[^]*data-formula="4"[^]*data-formula="5"/, 'its HTML stands where it now is');
});

test('a changed block gets a new key', () => {
  assert.notEqual(last(`One.\n\n${block}\n`).key, last(`One.\n\n${block.replace('and', 'or')}\n`).key);
});

test('lines and formulas inside the block still count relative to its start', () => {
  // The comment is dropped from the HTML, which then differs only in the second item's line.
  const nested = '- a <!--\n-->\n- b\n';
  const tighter = '- a <!-- -->\n- b\n';
  assert.equal(last(`P.\n\n${nested}`).key, last(`P.\n\n\n\n\n${nested}`).key);
  assert.notEqual(last(`P.\n\n${nested}`).key, last(`P.\n\n${tighter}`).key);
  assert.equal(last(`$p$\n\n${block}\n`).key, last(`$p$ $q$ $r$\n\n${block}\n`).key);
});

test('text that merely looks like an attribute is left alone', () => {
  const a = last('\nx data-line="1"\n');
  const b = last('\n\nx data-line="1"\n');
  const c = last('\n\nx data-line="2"\n');
  assert.equal(a.key, b.key);
  assert.notEqual(a.key, c.key);
  assert.match(b.html, /^<p data-line="2" class="code-line">x data-line=&quot;1&quot;<\/p>/);
});

const documents = [
  [
    'a paragraph, a list, a quote, a table, code, raw HTML and math',
    [
      '# Notes',
      '',
      'Intro with $a_1 * b_2$ and $\\{x\\}$.',
      '',
      '> Quoted $q$.',
      '>',
      '> - in a list',
      '',
      '$$',
      'E = mc^2 \\label{e}',
      '$$',
      '',
      '- item $x^2$',
      '  more',
      '- item $y^2$',
      '',
      '| a | $|x|$ |',
      '|---|---|',
      '| 1 | $2$ |',
      '',
      '```js',
      'code',
      '```',
      '',
      '<details><summary>S</summary>',
      '',
      'Inside $z$.',
      '',
      '</details>',
      '',
      '<div>',
      'raw',
      '</div>',
      '',
      '\\begin{align}a&=1\\\\b\\end{align}',
      '',
      'A note[^n].',
      '',
      '[^n]: Note with $n$.',
      '',
    ].join('\n'),
  ],
  [
    'marks of the template in text, code, HTML, math and a footnote',
    [
      `# Heading ${MARK} with mark`,
      '',
      `Text ${MARK}l3${MARK} and $x\\text{${MARK}f1${MARK}}$.`,
      '',
      '```',
      `code ${MARK}`,
      '```',
      '',
      `<div title="${MARK}l1${MARK}">raw ${MARK}</div>`,
      '',
      '- item $a$',
      `- item ${MARK} $b$`,
      '',
      'Note[^n].',
      '',
      `[^n]: The note ${MARK} with $y$.`,
      '',
    ].join('\n'),
  ],
  ['CRLF line ends', 'A $x$\r\n\r\n- b $y$\r\n- c\r\n\r\n> q\r\n'],
] as const;

for (const [name, text] of documents) {
  test(`placed blocks give the plain render byte for byte: ${name}`, () => {
    const { doc, mathHtml } = mathOf(text);
    const blocks = topLevelBlocks(doc);
    const placed = renderTemplates(doc, mathHtml, blocks).map((t, i) => placeTemplate(t, originOf(blocks[i]!)));
    const section = footnotesTemplate(doc, mathHtml);
    assert.equal(placed.join('') + (section ? placeTemplate(section.template, section.origin) : ''), renderHtml(doc, mathHtml));
  });
}

test('a block holding a mark of its own is rendered in place, still keyed by its relative HTML', () => {
  const marked = `Text ${MARK}l0${MARK} and $x$.`;
  const cache = new BlockHtmlCache();
  const before = blocksOf(`One.\n\n${marked}\n`, cache).at(-1)!;
  assert.ok(before.fixed);
  const moved = blocksOf(`One.\n\nTwo $t$.\n\n${marked}\n`, cache).at(-1)!;
  assert.equal(cache.lastRendered, 2, 'the fixed block is rendered again where it now stands');
  assert.equal(moved.key, before.key);
  assert.match(moved.html, /data-line="4"[^]*data-formula="1"/);
  assert.ok(moved.html.includes(`${MARK}l0${MARK}`), 'its text is kept as written');
});

test('a block that only moved is placed, not rendered again', () => {
  const cache = new BlockHtmlCache();
  const text = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} with $x_${i}$.`).join('\n\n');
  blocksOf(text, cache);
  const moved = blocksOf(`New $n$ first.\n\n${text}`, cache);
  assert.equal(cache.lastRendered, 1, 'only the new paragraph');
  assert.match(moved.at(-1)!.html, /data-line="40"[^]*data-formula="20"/);
});
