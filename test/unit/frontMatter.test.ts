import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/core/markdown';
import { frontMatterField, frontMatterLength } from '../../src/core/markdown/frontMatter';

/** Documents and the length of their front matter (0: none). */
const CASES: Array<[string, number]> = [
  ['---\ntitle: T\n---\n# H\n', 17],
  ['---\ntitle: T\n...\nText\n', 17],
  ['---\n---\nText\n', 8],
  ['---  \nlang: fr\n---', 18],
  ['---\ntitle: T\n', 0],
  ['Text\n---\ntitle: T\n---\n', 0],
  ['--- x\ntitle: T\n---\n', 0],
];

test('front matter: where it ends, with LF or CRLF line endings and after a BOM', () => {
  for (const [text, length] of CASES) {
    assert.equal(frontMatterLength(text), length, JSON.stringify(text));
    const crlf = text.replace(/\n/g, '\r\n');
    const lines = text.slice(0, length).split('\n').length - 1;
    assert.equal(frontMatterLength(crlf), length && length + lines, JSON.stringify(crlf));
    assert.equal(frontMatterLength('\uFEFF' + text), length && length + 1);
  }
});

test('the preview hides exactly the front matter the export reads', () => {
  for (const [text, length] of CASES) {
    const first = parseMarkdown(text).tokens[0];
    assert.equal(first?.type === 'frontMatter' ? first.raw.length : 0, length, JSON.stringify(text));
  }
});

test('front matter fields: scalars, quoted or not, comments dropped; absent and empty are undefined', () => {
  const text = '---\ntitle: "A: \\"q\\""\nlang: fr # French\nempty:\nsingle: \'It\'\'s\'\n---\ntitle: not this\n';
  assert.equal(frontMatterField(text, 'title'), 'A: "q"');
  assert.equal(frontMatterField(text, 'lang'), 'fr');
  assert.equal(frontMatterField(text, 'single'), "It's");
  assert.equal(frontMatterField(text, 'empty'), undefined);
  assert.equal(frontMatterField(text, 'author'), undefined);
  assert.equal(frontMatterField('---\n---\n', 'title'), undefined);
  assert.equal(frontMatterField('title: x\n', 'title'), undefined);
});
