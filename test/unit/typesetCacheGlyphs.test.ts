import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TypesetCache, type CachedFormula } from '../../src/core/typeset/typesetCache';
import { formulaKey } from '../../src/core/typeset/typesetKeys';

function entry(glyphs: Array<[string, string]>): CachedFormula {
  return { labels: {}, html: '<svg/>', glyphs, styles: [], labelsSet: {}, defines: false };
}

test('the formula cache keeps one copy of each glyph the formulas share', () => {
  const cache = new TypesetCache(100);
  // As the worker sends them: each result with its own copies of the same paths.
  const path = () => ['M133 736Q138', ' 750 147 750Z'].join('');
  const a = formulaKey('', 'a', false);
  const b = formulaKey('', 'a+b', false);
  cache.store(a, entry([['MJX-TEX-I-1D44E', path()]]));
  cache.store(
    b,
    entry([
      ['MJX-TEX-I-1D44E', path()],
      ['MJX-TEX-N-2B', 'M56 237'],
    ]),
  );
  const glyphsOf = (key: typeof a) => cache.find(key, () => true)!.glyphs;
  assert.equal(glyphsOf(b)[0], glyphsOf(a)[0], 'the shared glyph is one object');
  assert.deepEqual(glyphsOf(b), [
    ['MJX-TEX-I-1D44E', path()],
    ['MJX-TEX-N-2B', 'M56 237'],
  ]);
});

test('a glyph id with another path (another font) keeps its own path', () => {
  const cache = new TypesetCache(100);
  const a = formulaKey('', 'x', false);
  const b = formulaKey('', 'y', false);
  cache.store(a, entry([['G', 'M1']]));
  cache.store(b, entry([['G', 'M2']]));
  assert.deepEqual(cache.find(b, () => true)!.glyphs, [['G', 'M2']]);
  assert.deepEqual(cache.find(a, () => true)!.glyphs, [['G', 'M1']]);
});
