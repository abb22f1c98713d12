import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GlobalFontDefs } from '../../src/core/typeset/typesetFontDefs';

type Glyphs = Array<[string, string]>;

/** The definition: each glyph once, in order of first use, escaped. */
function expected(lists: Glyphs[]): string {
  const seen = new Map<string, string>();
  for (const list of lists) for (const [id, path] of list) if (!seen.has(id)) seen.set(id, path);
  if (!seen.size) return '';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<svg style="display: none;" id="MJX-SVG-global-cache"><defs>${[...seen].map(([id, d]) => `<path id="${esc(id)}" d="${esc(d)}"></path>`).join('')}</defs></svg>`;
}

test('the shared glyph <svg> lists each glyph once, in order of first use, across changing renders', () => {
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const pool: Glyphs[] = Array.from({ length: 40 }, () =>
    Array.from({ length: random(6) }, () => {
      const g = random(30);
      return [`MJX-TEX-I-${g}`, `M${g} 0L${g} 1"&<>Z`] as [string, string];
    }),
  );
  const defs = new GlobalFontDefs();
  let lists = pool.slice(0, 20);
  for (let round = 0; round < 200; round++) {
    assert.equal(defs.of(lists), expected(lists), `round ${round}`);
    lists = [...lists];
    const at = random(lists.length);
    if (random(3) === 0) lists.splice(at, 1);
    else lists[at] = pool[random(pool.length)]!;
    if (random(4) === 0) lists.push(pool[random(pool.length)]!);
  }
  assert.equal(defs.of([]), '');
  assert.equal(new GlobalFontDefs().of(pool), expected(pool));
});

test('a render with the same glyphs in the same order returns the same string without building one', () => {
  const defs = new GlobalFontDefs();
  const a: Glyphs = [
    ['A', 'M0'],
    ['B', 'M1'],
  ];
  const first = defs.of([a, [['A', 'M0']]]);
  assert.equal(
    defs.of([
      [
        ['A', 'M0'],
        ['B', 'M1'],
      ],
    ]),
    first,
  );
  assert.notEqual(
    defs.of([
      [
        ['B', 'M1'],
        ['A', 'M0'],
      ],
    ]),
    first,
    'order of first use matters',
  );
});
