import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeAttribute, escapeHtml, escapeHtmlKeepEntities, unescapeHtml } from '../../src/shared/escapeHtml';

const SAMPLE = `a & b < c > d "e" 'f' &amp; &#42; &#x2A; &nope`;

test('escapeHtml escapes the five characters, entity references included', () => {
  assert.equal(escapeHtml(SAMPLE), 'a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; &amp;amp; &amp;#42; &amp;#x2A; &amp;nope');
  assert.equal(escapeHtml('plain text'), 'plain text');
});

test('escapeHtmlKeepEntities leaves entity references as Marked does for text', () => {
  assert.equal(escapeHtmlKeepEntities(SAMPLE), 'a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; &amp; &#42; &#x2A; &amp;nope');
});

test('escapeAttribute is for double-quoted values: the apostrophe stays', () => {
  assert.equal(escapeAttribute(SAMPLE), `a &amp; b &lt; c &gt; d &quot;e&quot; 'f' &amp;amp; &amp;#42; &amp;#x2A; &amp;nope`);
});

test('unescapeHtml reads back what the escapers write, and character references', () => {
  for (const escape of [escapeHtml, escapeAttribute]) assert.equal(unescapeHtml(escape(SAMPLE)), SAMPLE);
  assert.equal(unescapeHtml('&#x1F600;&#65;&nbsp;&APOS;&unknown;&#0;'), "\u{1F600}A\u00a0'&unknown;&#0;");
});
