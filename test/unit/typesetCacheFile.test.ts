import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MathdownRenderer } from '../../src/node/coreEntry';

const DOC = [
  '$$\\newcommand{\\R}{\\mathbb{R}}$$',
  'Let $x \\in \\R^n$ and $\\|x\\|_2 = \\sqrt{x^T x}$.',
  '$$\\begin{equation} E = mc^2 \\label{e} \\end{equation}$$',
  'By \\eqref{e} and \\eqref{f}, $\\frac{a}{b}$; broken: $\\frac{1}{$.',
  '$$\\begin{align} a &= b \\label{f} \\\\ c &= d \\end{align}$$',
].join('\n\n');

const OPTIONS = { fontCache: 'global' as const };

test('a cache saved by one renderer lets a fresh one render the same document from it: same HTML, no formula typeset', async () => {
  const first = new MathdownRenderer({ helpers: 0 });
  const second = new MathdownRenderer({ helpers: 0 });
  try {
    const before = await first.render(DOC, OPTIONS);
    const text = first.serializeCache('engine-1');
    assert.equal([...first.cacheFileParts('engine-1')].join(''), text, 'the pieces make the same file');
    assert.equal(await second.loadCache(Promise.resolve(text), 'engine-1'), before.stats.misses);
    const after = await second.render(DOC, OPTIONS);
    assert.equal(after.stats.misses, 0);
    assert.equal(after.html, before.html);
    assert.equal(after.fontDefs, before.fontDefs);
    assert.deepEqual(after.formulas, before.formulas);
    assert.ok(
      after.formulas.some((f) => f.error),
      'the TeX error comes back from the file too',
    );
  } finally {
    await Promise.all([first.dispose(), second.dispose()]);
  }
});

test('a cache file for another engine, or a damaged one, restores nothing and breaks nothing', async () => {
  const first = new MathdownRenderer({ helpers: 0 });
  try {
    const { formulas } = await first.render(DOC, OPTIONS);
    const text = first.serializeCache('engine-1');
    const file = JSON.parse(text) as { slots: unknown[][]; glyphs: Record<string, string> };
    const bad: Array<[string, string]> = [
      ['another engine', text],
      ['not JSON', text.slice(0, text.length / 2)],
      [
        'a variant without html',
        JSON.stringify({ ...file, slots: file.slots.map(([d, m, t, v]) => [d, m, t, (v as object[]).map((x) => ({ ...x, html: 1 }))]) }),
      ],
      ['glyphs missing', JSON.stringify({ ...file, glyphs: {} })],
    ];
    for (const [what, damaged] of bad) {
      const fresh = new MathdownRenderer({ helpers: 0 });
      try {
        const restored = await fresh.loadCache(Promise.resolve(damaged), what === 'another engine' ? 'engine-2' : 'engine-1');
        if (what === 'glyphs missing') assert.ok(restored < file.slots.length, `${what}: formulas with glyphs are skipped`);
        else assert.equal(restored, 0, what);
        const result = await fresh.render(DOC, OPTIONS);
        assert.deepEqual(result.formulas, formulas, `${what}: the document still renders`);
      } finally {
        await fresh.dispose();
      }
    }
    const unreadable = new MathdownRenderer({ helpers: 0 });
    try {
      assert.equal(await unreadable.loadCache(Promise.reject(new Error('no file')), 'engine-1'), 0);
    } finally {
      await unreadable.dispose();
    }
  } finally {
    await first.dispose();
  }
});

test('each glyph path is written once, and timeouts are not written at all', async () => {
  // A 50 ms budget makes the long formula time out on any machine; the short ones are typeset (and
  // cached) first, retried while a busy machine makes even them overrun it.
  const renderer = new MathdownRenderer({ helpers: 0, timeoutMs: 50, timeoutRetryMs: 0 });
  try {
    for (let tries = 0; tries < 50; tries++) {
      const short = await renderer.render('$x + x + x$ and $x \\cdot x$', OPTIONS);
      if (short.formulas.every((f) => !f.error)) break;
    }
    const result = await renderer.render('$x + x + x$ and $x \\cdot x$ and $$' + 'a+'.repeat(4_990) + 'a$$', OPTIONS);
    assert.equal(result.formulas[2]!.error?.id, 'Timeout');
    const file = JSON.parse(renderer.serializeCache('e')) as {
      slots: Array<[string, number, string, unknown[]]>;
      glyphs: Record<string, string>;
    };
    assert.deepEqual(file.slots.map(([, , tex]) => tex).sort(), ['x + x + x', 'x \\cdot x']);
    const text = JSON.stringify(file);
    for (const path of Object.values(file.glyphs)) assert.equal(text.split(JSON.stringify(path)).length - 1, 1);
  } finally {
    await renderer.dispose();
  }
});
