import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Typesetter, type TypesetJob, type TypesetRequest, type TypesetResult } from './helpers/nodeTypesetter';
import { TypesetCache, type CachedFormula, type FormulaKey } from '../../src/core/typeset/typesetCache';

/** These tests are not about time: a generous budget keeps them independent of the machine's load. */
const RELAXED = { timeoutMs: 60_000 };

const inline = (tex: string): TypesetJob => ({ tex, display: false });
const display = (tex: string): TypesetJob => ({ tex, display: true });

const base: TypesetJob[] = [
  display('\\newcommand{\\R}{\\mathbb{R}} \\DeclareMathOperator{\\tr}{tr}'),
  inline('\\eqref{b} \\text{ is later}'),
  display('\\begin{equation} \\tr A \\label{a} \\end{equation}'),
  inline('x \\in \\R^n'),
  display('\\begin{align} u &= v \\label{b} \\\\ w &= \\R \\end{align}'),
  inline('\\eqref{a}, \\ref{b}'),
  display('y = \\frac{1}{2}'),
  inline('x \\in \\R^n'),
];

/** Versions of one document, as a user might edit it. */
const versions: Array<{ name: string; jobs: TypesetJob[]; equationNumbers?: TypesetRequest['equationNumbers'] }> = [
  { name: 'original', jobs: base },
  { name: 'numbered equation inserted first', jobs: [display('\\begin{equation} e \\end{equation}'), ...base] },
  { name: 'definition deleted', jobs: base.slice(1) },
  { name: 'label renamed', jobs: base.map((j) => ({ ...j, tex: j.tex.replace('\\label{b}', '\\label{c}') })) },
  { name: 'original again', jobs: base },
  { name: 'definition moved after its use', jobs: [base[3]!, base[0]!, ...base.slice(1, 3), ...base.slice(4)] },
  { name: 'label duplicated', jobs: [...base, display('\\begin{equation} z \\label{a} \\end{equation}')] },
  { name: 'inline formula edited', jobs: base.map((j, k) => (k === 6 ? display('y = \\frac{1}{3}') : j)) },
  { name: 'numbering all', jobs: base, equationNumbers: 'all' },
  { name: 'macro redefined midway', jobs: [...base.slice(0, 4), inline('\\renewcommand{\\R}{\\mathbb{C}}'), ...base.slice(4)] },
];

function outputs(result: TypesetResult): Array<[string, string | undefined]> {
  return result.formulas.map((f) => [f.html, f.error ? JSON.stringify(f.error) : undefined]);
}

describe('Typesetter: cache', () => {
  let ts: Typesetter;
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  it('gives byte-identical results to a fresh typesetter, version after version', async () => {
    for (const version of versions) {
      const request = { jobs: version.jobs, macros: { half: '\\frac12' }, equationNumbers: version.equationNumbers ?? 'ams' } as const;
      const warm = await ts.typeset(request);
      const fresh = new Typesetter(RELAXED);
      try {
        const cold = await fresh.typeset(request);
        assert.deepEqual(outputs(warm), outputs(cold), version.name);
      } finally {
        await fresh.dispose();
      }
      if (version.name === 'original again') assert.equal(warm.stats.misses, 0, 'everything came from the cache');
      if (version.name === 'inline formula edited') assert.equal(warm.stats.misses, 1, 'only the edited formula was typeset');
      console.log(`  ${version.name}: ${warm.stats.hits} hits, ${warm.stats.misses} misses, ${warm.stats.ms.toFixed(1)} ms`);
    }
  });

  it('serves an unchanged document from the cache, with identical HTML', async () => {
    const request = { jobs: base, macros: {}, equationNumbers: 'ams' } as const;
    const before = ts.cacheStats;
    const first = await ts.typeset(request);
    const second = await ts.typeset(request);
    assert.ok(second.formulas.every((f) => f.cached));
    assert.equal(second.stats.hits, base.length);
    assert.equal(second.stats.misses, 0);
    assert.deepEqual(outputs(second), outputs(first));
    const after = ts.cacheStats;
    assert.equal(after.hits - before.hits, first.stats.hits + base.length);
    assert.equal(after.misses - before.misses, first.stats.misses);
    assert.ok(after.size > 0);
  });

  it('does not let a deleted definition survive through the cache', async () => {
    const withDef = await ts.typeset({
      jobs: [inline('\\newcommand{\\R}{\\mathbb R}'), inline('\\R')],
      macros: {},
      equationNumbers: 'ams',
    });
    assert.equal(withDef.formulas[1]!.error, undefined);
    const without = await ts.typeset({ jobs: [inline('\\R')], macros: {}, equationNumbers: 'ams' });
    assert.equal(without.formulas[0]!.error?.id, 'UndefinedControlSequence');
    assert.equal(without.formulas[0]!.error?.message, 'Undefined control sequence \\R');
  });

  it('reuses a repeated formula within one render', async () => {
    const { formulas, stats } = await ts.typeset({
      jobs: [inline('q_1'), inline('q_2'), inline('q_1')],
      macros: {},
      equationNumbers: 'ams',
    });
    assert.deepEqual(
      formulas.map((f) => f.cached),
      [false, false, true],
    );
    assert.equal(formulas[2]!.html, formulas[0]!.html);
    assert.equal(stats.misses, 2);
  });

  it('typesets again a formula whose prediction a definition earlier in the same batch made wrong', async () => {
    const request = (jobs: TypesetJob[]): TypesetRequest => ({ jobs, macros: {}, equationNumbers: 'ams' });
    const warm = new Typesetter(RELAXED);
    try {
      await warm.typeset(request([inline('\\C'), inline('w')]));
      const jobs = [inline('\\newcommand{\\C}{\\mathbb{C}}'), inline('\\C'), inline('w'), inline('z \\in \\C')];
      const result = await warm.typeset(request(jobs));
      assert.equal(result.formulas[1]!.error, undefined, 'not the cached error from before the definition');
      assert.equal(result.formulas[1]!.cached, false);
      const fresh = new Typesetter(RELAXED);
      try {
        assert.deepEqual(outputs(result), outputs(await fresh.typeset(request(jobs))));
      } finally {
        await fresh.dispose();
      }
    } finally {
      await warm.dispose();
    }
  });

  it('keys on the options', async () => {
    const jobs = [inline('\\R')];
    const a = await ts.typeset({ jobs, macros: { R: '\\mathbb{R}' }, equationNumbers: 'ams' });
    const b = await ts.typeset({ jobs, macros: { R: '\\mathbb{C}' }, equationNumbers: 'ams' });
    assert.notEqual(a.formulas[0]!.html, b.formulas[0]!.html);
    const c = await ts.typeset({ jobs, macros: { R: '\\mathbb{R}' }, equationNumbers: 'ams', fontCache: 'none' });
    assert.equal(c.stats.misses, 1);
    const d = await ts.typeset({ jobs, macros: { R: '\\mathbb{R}' }, equationNumbers: 'ams', assistiveMml: true });
    assert.equal(d.stats.misses, 1);
    assert.match(d.formulas[0]!.html, /<math/);
  });

  it('is bounded', async () => {
    const small = new Typesetter({ ...RELAXED, cacheSize: 5 });
    try {
      const jobs = Array.from({ length: 12 }, (_, k) => inline(`x_{${k}}`));
      await small.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
      assert.equal(small.cacheStats.size, 5);
      const again = await small.typeset({ jobs: [jobs[11]!, jobs[0]!], macros: {}, equationNumbers: 'ams' });
      assert.deepEqual(
        again.formulas.map((f) => f.cached),
        [true, false],
        'the oldest entries were evicted',
      );
    } finally {
      await small.dispose();
    }
  });
});

describe('TypesetCache', () => {
  const k = (tex: string, display = false, definitions = 'd0'): FormulaKey => ({ definitions, display, tex });
  const entry = (html: string, counter?: number): CachedFormula => ({
    ...(counter === undefined ? {} : { counter }),
    labels: {},
    html,
    glyphs: [],
    styles: [],
    labelsSet: {},
    defines: false,
  });

  it('keeps a few numbering variants per formula and evicts the least recently used formulas', () => {
    const cache = new TypesetCache(6);
    for (let n = 1; n <= 5; n++) cache.store(k('eq'), entry(`(${n})`, n));
    assert.equal(cache.size, 4);
    assert.equal(
      cache.find(k('eq'), (e) => e.counter === 1),
      undefined,
    );
    assert.equal(cache.find(k('eq'), (e) => e.counter === 5)?.html, '(5)');
    cache.store(k('a'), entry('a'));
    cache.store(k('b'), entry('b'));
    assert.equal(cache.size, 6);
    cache.find(k('eq'), () => true);
    cache.store(k('c'), entry('c'));
    assert.equal(
      cache.find(k('a'), () => true),
      undefined,
      'a was the least recently used',
    );
    assert.equal(cache.find(k('eq'), () => true)?.html, '(5)');
    assert.ok(cache.size <= 6);
  });

  it('is also bounded by the amount of markup it holds', () => {
    const cache = new TypesetCache(100, 25);
    cache.store(k('a'), entry('x'.repeat(10)));
    cache.store(k('b'), entry('y'.repeat(10)));
    cache.store(k('c'), entry('z'.repeat(10)));
    assert.equal(cache.size, 2);
    assert.equal(
      cache.find(k('a'), () => true),
      undefined,
    );
    assert.equal(cache.find(k('c'), () => true)?.html, 'z'.repeat(10));
  });

  it('tells display from inline and one definitions state from another', () => {
    const cache = new TypesetCache(10);
    cache.store(k('x'), entry('inline'));
    cache.store(k('x', true), entry('display'));
    cache.store(k('x', false, 'd1'), entry('after a \\newcommand'));
    assert.equal(cache.find(k('x'), () => true)?.html, 'inline');
    assert.equal(cache.find(k('x', true), () => true)?.html, 'display');
    assert.equal(cache.find(k('x', false, 'd1'), () => true)?.html, 'after a \\newcommand');
    assert.equal(
      cache.find(k('x', true, 'd1'), () => true),
      undefined,
    );
  });

  it('stays within its bound over many stores, keeping the most recently used', () => {
    const cache = new TypesetCache(1000);
    for (let n = 0; n < 5000; n++) {
      cache.store(k(`x_{${n}}`), entry(String(n)));
      if (n % 10 === 0) cache.find(k('x_{0}'), () => true);
      assert.ok(cache.size <= 1000);
    }
    assert.ok(cache.size > 900, `evicts a little at a time (size ${cache.size})`);
    assert.equal(cache.find(k('x_{0}'), () => true)?.html, '0', 'used all along');
    assert.equal(
      cache.find(k('x_{1}'), () => true),
      undefined,
      'long unused',
    );
    assert.equal(cache.find(k('x_{4999}'), () => true)?.html, '4999');
  });
});
