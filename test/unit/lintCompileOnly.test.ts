// Lint's TeX errors (MM301) come from MathJax's compile step alone, with no SVG output: the errors
// must be those of a full typeset, message and place, for every formula of every fixture and (when
// this machine has it) every document of the real corpus. And compile-only results must never
// serve a render, while lint reads what a render has already typeset.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseSettings } from '../../src/core/config/parseSettings';
import type { MathOptions } from '../../src/core/types';
import { MathdownRenderer } from './helpers/testRenderer';
import { corpusDocuments } from './helpers/sharedCorpus';

const FIXTURES = path.join(__dirname, '../../../test/fixtures');

/** Every Markdown fixture, with the math settings of its lint sidecar where it has one. */
function fixtureDocuments(dir = FIXTURES): Array<{ name: string; text: string; math?: Partial<MathOptions> }> {
  const out: Array<{ name: string; text: string; math?: Partial<MathOptions> }> = [];
  for (const entry of readdirSync(dir).sort()) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) out.push(...fixtureDocuments(file));
    else if (entry.endsWith('.md')) {
      const sidecar = file.replace(/\.md$/, '.json');
      const raw = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { settings?: unknown }).settings : undefined;
      const math = raw && typeof raw === 'object' ? parseSettings(raw as Record<string, unknown>).settings.math : undefined;
      out.push({ name: path.relative(FIXTURES, file), text: readFileSync(file, 'utf8'), ...(math ? { math } : {}) });
    }
  }
  return out;
}

/** The typeset fixtures' TeX errors, each formula on its own, and formulas nested deeper than a parser's stack likes. */
function errorFormulas(): string {
  const cases = JSON.parse(readFileSync(path.join(FIXTURES, 'typeset/error-offsets.json'), 'utf8')) as Array<{ marked: string }>;
  const deep = (n: number, open: string, close: string) => `${open.repeat(n)}x${close.repeat(n)}`;
  const formulas = [
    ...cases.map((c) => c.marked.replace('⟨here⟩', '')),
    deep(300, '{', '}'),
    deep(300, '\\frac{1}{', '}'),
    deep(200, '\\sqrt{', '}'),
    deep(400, '\\left(', '\\right)'),
    deep(2000, '{', '}'),
    `${deep(50, '{', '}')}}`,
  ];
  return formulas.map((tex) => `$$\n${tex}\n$$\n`).join('\n');
}

const OPTIONS = { fontCache: 'global', assistiveMml: true } as const;
// Two renderers: a compile-only run reads typeset results from its own renderer's cache.
const typesetting = new MathdownRenderer({ helpers: 0 });
const compiling = new MathdownRenderer({ helpers: 0 });
after(() => Promise.all([typesetting.dispose(), compiling.dispose()]));

describe("lint's compile-only TeX errors", () => {
  const documents = [...fixtureDocuments(), { name: 'typeset error cases', text: errorFormulas() }, ...corpusDocuments()];

  it(`equal a full typeset's, message and place, for every formula (${documents.length} documents${corpusDocuments().length ? ', the corpus included' : '; no ../shared/corpus here'})`, async () => {
    let formulas = 0;
    let errors = 0;
    for (const { name, text, ...rest } of documents) {
      const math = 'math' in rest ? rest.math : undefined;
      const options = { ...OPTIONS, ...(math ? { math } : {}) };
      const full = await typesetting.formulas(text, options);
      const compiled = await compiling.formulas(text, { ...options, compileOnly: true });
      assert.equal(compiled.length, full.length, name);
      full.forEach((f, i) => {
        const c = compiled[i]!;
        assert.deepEqual(
          { offset: c.offset, tex: c.tex, error: c.error },
          { offset: f.offset, tex: f.tex, error: f.error },
          `${name}: formula ${i} at offset ${f.offset}`,
        );
        if (f.error) errors++;
      });
      formulas += full.length;
    }
    assert.ok(errors > 20, `only ${errors} errors among ${formulas} formulas: the comparison would prove little`);
  });

  it('never serve a render, and read what a render has typeset', async () => {
    const renderer = new MathdownRenderer({ helpers: 0 });
    try {
      const text =
        '$$\\newcommand{\\RR}{\\mathbb{R}}$$\n\n$x \\in \\RR$ and $\\frac{a}{$ and $\\undefined$\n\n$$a \\label{e} \\tag{1}$$ $\\eqref{e}$\n';
      const compiled = await renderer.formulas(text, { ...OPTIONS, compileOnly: true });
      assert.ok(compiled.some((f) => f.error));
      const rendered = await renderer.render(text, OPTIONS);
      assert.equal(rendered.stats.hits, 0, 'a render took a compile-only result from the cache');
      assert.match(rendered.html, /<svg/);
      const before = renderer.cacheStats;
      const again = await renderer.formulas(text, { ...OPTIONS, compileOnly: true });
      assert.deepEqual(again, compiled);
      const other = await renderer.formulas(text.replace('\\undefined', '\\alsoundefined'), { ...OPTIONS, compileOnly: true });
      assert.equal(other.filter((f) => f.error).length, compiled.filter((f) => f.error).length);
      assert.ok(renderer.cacheStats.hits > before.hits, 'compile-only runs read nothing from the cache');
    } finally {
      await renderer.dispose();
    }
  });

  it("read the preview's typeset formulas instead of compiling them again", async () => {
    const renderer = new MathdownRenderer({ helpers: 0 });
    try {
      const text = '$a^2$ and $\\frac{1}{2}$ and $\\oops$\n\n$$\\begin{align} x &= y \\label{f} \\end{align}$$ $\\eqref{f}$\n';
      await renderer.render(text, OPTIONS);
      const before = renderer.cacheStats;
      const formulas = await renderer.formulas(text, { ...OPTIONS, compileOnly: true });
      assert.equal(renderer.cacheStats.misses, before.misses, 'lint compiled formulas the preview had typeset');
      assert.deepEqual(
        formulas.map((f) => f.error?.message),
        [undefined, undefined, 'Undefined control sequence \\oops', undefined, undefined],
      );
    } finally {
      await renderer.dispose();
    }
  });
});
