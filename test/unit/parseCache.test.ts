// One parse per document version, shared by the preview's renders, lint and completion/hover.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { mathCompletionsAt, mathDocumentOf, mathHoverAt, parseMathDocument } from '../../src/core/authoring';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { lint, lintDocument } from '../../src/core/lint';
import { ParseCache, parseMarkdown } from '../../src/core/markdown';
import { MathdownRenderer } from './helpers/testRenderer';
import { DEFAULT_MATH_OPTIONS } from '../../src/core/types';

const KEY = 'file:///notes.md';
const math = DEFAULT_MATH_OPTIONS;
const TEXT = [
  '# Notes',
  '',
  'Defined $\\newcommand{\\N}{\\mathbb{N}}$, then used: $n \\in \\N$ and $a_1 * b_2$.',
  '',
  '$$',
  'E = mc^2 \\label{e}',
  '$$',
  '',
  '- item $x^2$',
  '- item $\\undefined$',
  '',
  '| a | $|x|$ |',
  '|---|---|',
  '| 1 | $2$ |',
  '',
  'See \\eqref{e} and $\\{x\\}$.',
  '',
  ...Array.from({ length: 30 }, (_, i) => `Paragraph ${i} with $y_{${i}}$.\n`),
].join('\n');
const EDITED = TEXT.replace('Paragraph 12 with', 'Paragraph 12, edited, with');

const parses = new ParseCache();
const renderer = new MathdownRenderer({ parses, helpers: 0 });
const reference = new MathdownRenderer({ helpers: 0 });
after(() => Promise.all([renderer.dispose(), reference.dispose()]));

/** What the extension asks of one document version: a preview render, lint (MM301 on and off), a hover and completions. */
async function readAll(text: string) {
  const rendered = await renderer.render(text, { math, fontCache: 'global', documentKey: KEY });
  const linted = await lintDocument(text, DEFAULT_SETTINGS, { renderer, parses, documentKey: KEY });
  const noTex = { ...DEFAULT_SETTINGS, lint: { ...DEFAULT_SETTINGS.lint, rules: { MM301: 'off' as const } } };
  const lintedNoTex = await lintDocument(text, noTex, { renderer, parses, documentKey: KEY });
  const doc = mathDocumentOf(parses.parse(text, math, KEY), math);
  const inside = text.indexOf('c^2');
  return {
    rendered,
    linted,
    lintedNoTex,
    hover: mathHoverAt(doc, inside),
    completions: mathCompletionsAt(doc, text.indexOf('\\N$') + 2),
    inside,
    noTex,
  };
}

test("each version is parsed once for the preview, lint (with and without MathJax's pass), hover and completion", async () => {
  const before = { ...parses.stats };
  await readAll(TEXT);
  assert.equal(parses.stats.parsed - before.parsed, 1, 'one parse of the first version');
  assert.ok(parses.stats.reused - before.reused >= 3, 'the other readers reused it');
  await readAll(EDITED);
  assert.equal(parses.stats.parsed - before.parsed, 2, 'one parse of the edited version');
  await readAll(EDITED);
  assert.equal(parses.stats.parsed - before.parsed, 2, 'nothing parsed again for the same version');
});

test('an edit is parsed incrementally from the previous version: the tokens around it are reused', () => {
  const cache = new ParseCache();
  const first = cache.parse(TEXT, math, KEY);
  const kept = [first.tokens[0], first.tokens.at(-1)];
  const second = cache.parse(EDITED, math, KEY);
  assert.notEqual(second, first);
  assert.equal(second.tokens[0], kept[0], 'the head is the same token object');
  assert.equal(second.tokens.at(-1), kept[1], 'the tail is the same token object');
  assert.deepEqual(second.formulas, parseMarkdown(EDITED, math).formulas);
  assert.equal(cache.parse(EDITED, { ...math, macros: { RR: '\\mathbb{R}' } }, KEY), second, 'macros do not change the parse');
  assert.notEqual(cache.parse(EDITED, { ...math, delimiters: ['dollars'] }, KEY), second, 'delimiters do');
});

test('a held parse is not moved by a later version; that version is parsed afresh, the next one incrementally again', () => {
  const cache = new ParseCache();
  const held = cache.hold(TEXT, math, KEY);
  const lines = held.doc.tokens.map((t) => (t as { sourceLine?: number }).sourceLine);
  const inserted = `New first line.\n\n${TEXT}`;
  const fresh = cache.parse(inserted, math, KEY);
  assert.deepEqual(
    held.doc.tokens.map((t) => (t as { sourceLine?: number }).sourceLine),
    lines,
    'the held tokens keep their lines',
  );
  assert.ok(!fresh.tokens.includes(held.doc.tokens.at(-1)!), 'the new version has tokens of its own');
  held.release();
  const next = cache.parse(`${inserted}\nMore.\n`, math, KEY);
  assert.equal(next.tokens[0], fresh.tokens[0], 'released: the next version starts from the last one');
});

test('a version parsed while a render of the previous one waits for the typesetter leaves that render intact', async () => {
  class Interleaving extends ParseCache {
    override hold(text: string, options?: Partial<typeof math>, key?: string) {
      const held = super.hold(text, options, key);
      // Completion or lint on the extension host, while the render awaits its formulas.
      if (text === TEXT) this.parse(EDITED, options, key);
      return held;
    }
  }
  const cache = new Interleaving();
  const interleaved = new MathdownRenderer({ parses: cache, helpers: 0 });
  try {
    const first = await interleaved.render(TEXT, { documentKey: KEY });
    const expected = await reference.render(TEXT);
    assert.equal(first.html, expected.html);
    assert.deepEqual(
      first.blocks.map((b) => [b.key, b.startLine]),
      expected.blocks.map((b) => [b.key, b.startLine]),
    );
    const parsed = cache.stats.parsed;
    const second = await interleaved.render(EDITED, { documentKey: KEY });
    assert.equal(cache.stats.parsed, parsed, 'the edited version was parsed once, meanwhile');
    assert.equal(second.html, (await reference.render(EDITED)).html);
  } finally {
    await interleaved.dispose();
  }
});

test('the preview, lint and hover give with the shared parse what they give each on its own', async () => {
  for (const text of [TEXT, EDITED, `Inserted $z$ first.\n\n${EDITED}`, EDITED.replace('E = mc^2', 'E = m c^2')]) {
    const shared = await readAll(text);
    const alone = await reference.render(text, { math, fontCache: 'global' });
    assert.equal(shared.rendered.html, alone.html);
    assert.deepEqual(
      shared.rendered.blocks.map((b) => [b.key, b.startLine, b.endLine, b.formulaIndices]),
      alone.blocks.map((b) => [b.key, b.startLine, b.endLine, b.formulaIndices]),
    );
    assert.deepEqual(shared.rendered.formulas, alone.formulas);
    assert.deepEqual(shared.linted, await lintDocument(text, DEFAULT_SETTINGS, { renderer: reference }));
    assert.ok(
      shared.linted.some((d) => d.rule === 'MM301'),
      "MathJax's errors reach lint",
    );
    assert.deepEqual(
      shared.lintedNoTex,
      lint(text, { math: shared.noTex.math, rules: shared.noTex.lint.rules, targets: shared.noTex.lint.targets }),
    );
    const own = parseMathDocument(text, math);
    assert.ok(
      shared.hover,
      `a hover inside the formula at ${shared.inside}: ${JSON.stringify(text.slice(shared.inside - 20, shared.inside + 5))}`,
    );
    assert.deepEqual(shared.hover, mathHoverAt(own, shared.inside));
    assert.deepEqual(shared.completions, mathCompletionsAt(own, text.indexOf('\\N$') + 2));
  }
});
