import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlockHtmlCache } from '../../src/core/render/blockHtmlCache';
import { renderTemplates } from '../../src/core/render/blockTemplate';
import { parseMarkdown, topLevelBlocks } from '../../src/core/markdown';

test('a document with more blocks than the cache bound keeps all of its own blocks between renders', () => {
  const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} with $x_${i}$.`).join('\n\n');
  const doc = parseMarkdown(text);
  const blocks = topLevelBlocks(doc);
  const mathHtml = (i: number) => `<m>${i}</m>`;
  const cache = new BlockHtmlCache(10);
  const render = (missing: typeof blocks) => renderTemplates(doc, mathHtml, missing);
  cache.blocksHtml(doc, blocks, mathHtml, render);
  assert.equal(cache.lastRendered, 50);
  cache.blocksHtml(doc, blocks, mathHtml, render);
  assert.equal(cache.lastRendered, 0, 'the second render reuses every block');
  const other = parseMarkdown('Another document.');
  cache.blocksHtml(other, topLevelBlocks(other), mathHtml, (missing) => renderTemplates(other, mathHtml, missing));
  cache.blocksHtml(doc, blocks, mathHtml, render);
  assert.equal(cache.lastRendered, 0, 'one render of another document evicts only beyond the bound');
});
