import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentLanguage, documentTitle } from '../../src/core/export';

test('front matter title wins over the first heading', () => {
  assert.equal(documentTitle('---\ntitle: From front matter\n---\n# Heading\n', 'notes.md'), 'From front matter');
});

test('front matter title may be quoted, and keeps its quotes and colons inside', () => {
  assert.equal(documentTitle('---\ntitle: "A: \\"quoted\\" one"\n---\n', 'x.md'), 'A: "quoted" one');
  assert.equal(documentTitle("---\ntitle: 'It''s single'\n---\n", 'x.md'), "It's single");
  assert.equal(documentTitle('\uFEFF---\r\ntitle: CRLF and BOM\r\n---\r\n# H\r\n', 'x.md'), 'CRLF and BOM');
});

test('the first ATX or setext heading, as plain text, when there is no front matter title', () => {
  assert.equal(documentTitle('Some text\n\n## The *main* `idea` [link](http://x)\n# Later\n', 'x.md'), 'The main idea link');
  assert.equal(documentTitle('---\nauthor: me\n---\nTitle underlined\n================\n', 'x.md'), 'Title underlined');
  assert.equal(documentTitle('# Closing hashes ##\n', 'x.md'), 'Closing hashes');
  assert.equal(documentTitle('# Energy $E = mc^2$\n', 'x.md'), 'Energy $E = mc^2$');
});

test('headings inside code are not titles', () => {
  assert.equal(documentTitle('```md\n# not a title\n```\n\n    # indented code\n\n# Real\n', 'x.md'), 'Real');
  assert.equal(documentTitle('~~~~\n# no\n~~~\n# still code\n~~~~\n', 'notes.md'), 'notes');
});

test('a thematic break or list item above --- is not a setext heading', () => {
  assert.equal(documentTitle('- item\n---\n', 'list.md'), 'list');
  assert.equal(documentTitle('***\n---\n', 'rule.md'), 'rule');
});

test('the file name without extension is the last resort', () => {
  assert.equal(documentTitle('Just text.\n', '/some/folder/lecture 3.md'), 'lecture 3');
  assert.equal(documentTitle('#\n', 'C:\\docs\\empty.markdown'), 'empty');
  assert.equal(documentTitle(''), 'Untitled');
});

test('the page language comes from front matter lang:, else English', () => {
  assert.equal(documentLanguage('---\nlang: zh-CN\n---\n# 标题\n'), 'zh-CN');
  assert.equal(documentLanguage('---\nlanguage: "fr"\n---\n'), 'fr');
  assert.equal(documentLanguage('---\nlang: not a tag"><script>\n---\n'), 'en');
  assert.equal(documentLanguage('# No front matter\n'), 'en');
});
