import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionFreeKey } from '../../src/vscode/preview/positionFreeKey';

const block = (line: number, formula: number) =>
  `<p data-line="${line}" class="code-line">a <span class="mathdown-math" data-formula="${formula}">x</span> and <span data-formula="${formula + 1}">y</span></p>\n`;

test('a block that only moved keeps its key', () => {
  assert.equal(positionFreeKey(block(3, 0), 3, 0), positionFreeKey(block(10, 4), 10, 4));
});

test('a changed block gets a new key', () => {
  assert.notEqual(positionFreeKey(block(3, 0), 3, 0), positionFreeKey(block(3, 0).replace('and', 'or'), 3, 0));
});

test('lines and formulas inside the block still count relative to its start', () => {
  const nested = (l: number) => `<ul data-line="${l}"><li data-line="${l}">a</li><li data-line="${l + 2}">b</li></ul>`;
  const moved = (l: number) => `<ul data-line="${l}"><li data-line="${l}">a</li><li data-line="${l + 1}">b</li></ul>`;
  assert.equal(positionFreeKey(nested(5), 5, 0), positionFreeKey(nested(9), 9, 0));
  assert.notEqual(positionFreeKey(nested(5), 5, 0), positionFreeKey(moved(5), 5, 0));
});

test('text that merely looks like an attribute is left alone', () => {
  const a = '<p data-line="1">data-line="1"</p>';
  const b = '<p data-line="2">data-line="1"</p>';
  const c = '<p data-line="2">data-line="2"</p>';
  assert.equal(positionFreeKey(a, 1, 0), positionFreeKey(b, 2, 0));
  assert.notEqual(positionFreeKey(a, 1, 0), positionFreeKey(c, 2, 0));
});
