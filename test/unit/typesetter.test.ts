import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEX_PACKAGES, Typesetter, type TypesetJob, type TypesetRequest, type TypesetResult } from './helpers/nodeTypesetter';

/** These tests are not about time: a generous budget keeps them independent of the machine's load. */
const RELAXED = { timeoutMs: 60_000 };

/** The characters drawn by an SVG fragment, in order (MathJax records each glyph's code point in data-c). */
function drawn(html: string): string {
  return [...html.matchAll(/data-c="([0-9A-F]+)"/g)].map((m) => String.fromCodePoint(parseInt(m[1]!, 16))).join('');
}

const inline = (tex: string): TypesetJob => ({ tex, display: false });
const display = (tex: string): TypesetJob => ({ tex, display: true });

describe('Typesetter: output', () => {
  let ts: Typesetter;
  const run = (jobs: TypesetJob[], extra: Partial<TypesetRequest> = {}): Promise<TypesetResult> =>
    ts.typeset({ jobs, macros: {}, equationNumbers: 'ams', ...extra });
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  it('renders inline and display formulas as MathJax SVG containers', async () => {
    const { formulas, fontDefs } = await run([inline('\\frac{a}{b}'), display('\\sum_{i=1}^n i')]);
    const [a, b] = formulas;
    assert.match(a!.html, /^<mjx-container class="MathJax" jax="SVG"><svg [^>]*>.*<\/svg><\/mjx-container>$/s);
    assert.doesNotMatch(a!.html, /display="true"/);
    assert.match(b!.html, /^<mjx-container class="MathJax" jax="SVG" display="true"><svg /);
    assert.equal(a!.error, undefined);
    assert.equal(a!.cached, false);
    assert.equal(drawn(b!.html), '∑𝑖=1𝑛𝑖');
    assert.equal(fontDefs, '');
  });

  it('keeps glyph definitions inside each formula with fontCache local (the default)', async () => {
    const { formulas } = await run([inline('x+y'), inline('x-y')]);
    for (const f of formulas) {
      const ids = [...f.html.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
      const refs = [...f.html.matchAll(/xlink:href="#([^"]+)"/g)].map((m) => m[1]);
      assert.ok(refs.length > 0);
      for (const ref of refs) assert.ok(ids.includes(ref), `${ref} is defined in the formula`);
    }
    const idsOf = (html: string): string[] => [...html.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(
      idsOf(formulas[0]!.html).filter((id) => idsOf(formulas[1]!.html).includes(id)).length,
      0,
      'ids are distinct between formulas',
    );
  });

  it('inlines paths with fontCache none', async () => {
    const { formulas } = await run([inline('x+y')], { fontCache: 'none' });
    assert.doesNotMatch(formulas[0]!.html, /<use|<defs/);
    assert.match(formulas[0]!.html, /<path [^>]*d="/);
  });

  it('returns the shared glyph defs once with fontCache global, only for the glyphs used in this call', async () => {
    const first = await run([inline('x+y'), display('\\int_0^1 f')], { fontCache: 'global' });
    assert.match(
      first.fontDefs,
      /^<svg style="display: none;" id="MJX-SVG-global-cache"><defs>(<path id="[^"]+" d="[^"]*"><\/path>)+<\/defs><\/svg>$/,
    );
    const defined = new Set([...first.fontDefs.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]));
    for (const f of first.formulas) {
      assert.doesNotMatch(f.html, /<path id=/);
      for (const m of f.html.matchAll(/xlink:href="#([^"]+)"/g)) assert.ok(defined.has(m[1]), `${m[1]} is in the defs`);
    }
    assert.equal(defined.size, [...first.fontDefs.matchAll(/<path id=/g)].length, 'each glyph once');

    const again = await run([inline('x+y'), display('\\int_0^1 f')], { fontCache: 'global' });
    assert.equal(again.stats.hits, 2);
    assert.equal(again.fontDefs, first.fontDefs, 'cached formulas bring their glyphs along');

    const fewer = await run([inline('x')], { fontCache: 'global' });
    assert.equal([...fewer.fontDefs.matchAll(/<path id=/g)].length, 1, 'the glyph cache does not leak between calls');
  });

  it('adds assistive MathML when asked', async () => {
    const { formulas } = await run([inline('x^2')], { assistiveMml: true });
    assert.match(formulas[0]!.html, /<mjx-assistive-mml [^>]*><math [^>]*>.*<msup>.*<\/math><\/mjx-assistive-mml>/s);
    const plain = await run([inline('x^2')]);
    assert.doesNotMatch(plain.formulas[0]!.html, /mjx-assistive-mml|<math/);
  });

  it('provides MathJax’s SVG stylesheet', async () => {
    const css = await ts.styleSheet();
    assert.match(css, /mjx-container\[jax="SVG"\]/);
    assert.match(css, /mjx-assistive-mml/);
    assert.equal(await ts.styleSheet(), css);
  });

  it('applies macros from the options, with and without arguments', async () => {
    const { formulas } = await run([inline('\\R'), inline('\\norm{x}'), inline('\\half'), inline('\\mathbb{R}')], {
      macros: { R: '\\mathbb{R}', norm: ['\\left\\|#1\\right\\|', 1], '\\half': '\\frac12' },
      fontCache: 'none',
    });
    for (const f of formulas) assert.equal(f.error, undefined, f.html);
    assert.equal(formulas[0]!.html, formulas[3]!.html, '\\R draws exactly what \\mathbb{R} draws');
    assert.equal(drawn(formulas[1]!.html), '‖𝑥‖');
    const without = await run([inline('\\R')]);
    assert.equal(without.formulas[0]!.error?.id, 'UndefinedControlSequence', 'option macros belong to the request');
  });
});

describe('Typesetter: document definitions', () => {
  let ts: Typesetter;
  const run = (jobs: TypesetJob[]): Promise<TypesetResult> => ts.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  it('applies \\newcommand, \\def, \\DeclareMathOperator and \\newenvironment to later formulas only', async () => {
    const { formulas } = await run([
      inline('\\R \\sgn x \\half'),
      display('\\newcommand{\\R}{\\mathbb{R}} \\def\\half{\\frac12} \\DeclareMathOperator{\\sgn}{sgn} \\newenvironment{pair}{(}{)}'),
      inline('\\R \\sgn x \\half'),
      inline('\\begin{pair} a, b \\end{pair}'),
    ]);
    assert.equal(formulas[0]!.error?.id, 'UndefinedControlSequence');
    assert.equal(formulas[1]!.error, undefined);
    assert.equal(formulas[2]!.error, undefined, formulas[2]!.html);
    assert.equal(drawn(formulas[2]!.html), 'ℝsgn𝑥12');
    assert.equal(drawn(formulas[3]!.html), '(𝑎,𝑏)');
  });

  it('clears document definitions at the start of each call', async () => {
    await run([inline('\\newcommand{\\R}{\\mathbb{R}}'), inline('\\R')]);
    const { formulas } = await run([inline('\\R')]);
    assert.equal(formulas[0]!.error?.id, 'UndefinedControlSequence');
  });

  it('also scopes \\definecolor and \\newtagform to the document', async () => {
    const defined = await run([inline('\\definecolor{mine}{rgb}{1,0,0}'), inline('\\color{mine}{x}')]);
    assert.match(defined.formulas[1]!.html, /fill="#ff0000"/i);
    const { formulas } = await run([inline('\\color{mine}{x}')]);
    assert.match(formulas[0]!.html, /fill="mine"/, 'the colour is gone in the next render');
    const tagged = [display('\\newtagform{brackets}{[}{]} \\usetagform{brackets}'), display('\\begin{equation} x \\end{equation}')];
    assert.equal(drawn((await run(tagged)).formulas[1]!.html), '𝑥[1]');
    assert.equal(drawn((await run(tagged.slice(1))).formulas[0]!.html), '𝑥(1)');
  });

  it('lets a redefinition take effect from its position on', async () => {
    const { formulas } = await run([inline('\\newcommand{\\v}{a}'), inline('\\v'), inline('\\renewcommand{\\v}{b}'), inline('\\v')]);
    assert.equal(drawn(formulas[1]!.html), '𝑎');
    assert.equal(drawn(formulas[3]!.html), '𝑏');
  });
});

describe('Typesetter: equation numbers and references', () => {
  let ts: Typesetter;
  const run = (jobs: TypesetJob[], equationNumbers: TypesetRequest['equationNumbers'] = 'ams'): Promise<TypesetResult> =>
    ts.typeset({ jobs, macros: {}, equationNumbers });
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  const doc = [
    inline('\\eqref{second}'),
    display('\\begin{equation} a \\label{first} \\end{equation}'),
    display('\\begin{align} b &= c \\label{second} \\\\ d &= e \\end{align}'),
    inline('\\eqref{first} \\ref{second}'),
  ];

  it('numbers equations from 1 in every call and links references both ways', async () => {
    for (let round = 0; round < 2; round++) {
      const { formulas } = await run(doc);
      assert.ok(formulas.every((f) => !f.error));
      assert.equal(drawn(formulas[0]!.html), '(2)', 'forward \\eqref resolved');
      assert.match(formulas[0]!.html, /href="#mjx-eqn%3Asecond"/);
      assert.match(formulas[1]!.html, /id="mjx-eqn:first"/);
      assert.match(drawn(formulas[1]!.html), /\(1\)$/);
      assert.match(formulas[2]!.html, /id="mjx-eqn:second"/);
      assert.match(formulas[2]!.html, /id="mjx-eqn:3"/);
      assert.match(drawn(formulas[2]!.html), /\(2\).*\(3\)/);
      assert.equal(drawn(formulas[3]!.html), '(1)2');
      assert.match(formulas[3]!.html, /href="#mjx-eqn%3Afirst"/);
    }
  });

  it('leaves an undefined reference as (???)', async () => {
    const { formulas } = await run([inline('\\eqref{nowhere}')]);
    assert.equal(drawn(formulas[0]!.html), '(???)');
  });

  it('numbers nothing with equationNumbers none, and every display formula with all', async () => {
    const jobs = [
      display('x'),
      display('\\begin{equation} y \\end{equation}'),
      inline('z'),
      display('\\begin{equation*} w \\end{equation*}'),
    ];
    const none = await run(jobs, 'none');
    assert.ok(none.formulas.every((f) => !/mjx-eqn/.test(f.html) && !/\(\d\)/.test(drawn(f.html))));
    const all = await run(jobs, 'all');
    assert.deepEqual(
      all.formulas.map((f) => drawn(f.html)),
      ['𝑥(1)', '𝑦(2)', '𝑧', '𝑤'],
    );
    const ams = await run(jobs, 'ams');
    assert.deepEqual(
      ams.formulas.map((f) => drawn(f.html)),
      ['𝑥', '𝑦(1)', '𝑧', '𝑤'],
    );
  });

  it('does not number a formula that failed', async () => {
    const { formulas } = await run([display('\\begin{equation} \\foo \\end{equation}'), display('\\begin{equation} y \\end{equation}')]);
    assert.equal(formulas[0]!.error?.id, 'UndefinedControlSequence');
    assert.equal(drawn(formulas[1]!.html), '𝑦(1)');
  });

  it('reports a label defined twice', async () => {
    const { formulas } = await run([
      display('\\begin{equation} a \\label{x} \\end{equation}'),
      display('\\begin{equation} b \\label{x} \\end{equation}'),
    ]);
    assert.equal(formulas[0]!.error, undefined);
    assert.equal(formulas[1]!.error?.id, 'MultipleLabel');
  });
});

describe('TEX_PACKAGES', () => {
  let ts: Typesetter;
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  it('is an explicit list without the error-hiding or loading packages', () => {
    for (const p of [
      'base',
      'ams',
      'newcommand',
      'boldsymbol',
      'color',
      'cancel',
      'mathtools',
      'textmacros',
      'html',
      'bbox',
      'braket',
      'unicode',
      'configmacros',
    ]) {
      assert.ok(TEX_PACKAGES.includes(p), p);
    }
    for (const p of ['noerrors', 'noundefined', 'require', 'autoload', 'setoptions']) assert.ok(!TEX_PACKAGES.includes(p), p);
  });

  it('has every listed package working', async () => {
    const samples: Record<string, string> = {
      base: '\\frac{a}{b}',
      ams: '\\begin{pmatrix} a \\\\ b \\end{pmatrix} \\iint',
      amscd: '\\begin{CD} A @>>> B \\end{CD}',
      bbox: '\\bbox[yellow,5px]{x}',
      boldsymbol: '\\boldsymbol{\\alpha}',
      braket: '\\braket{\\phi | \\psi}',
      cancel: '\\cancel{x} \\bcancel{y}',
      cases: '\\begin{numcases}{f(x)=} 1 & x > 0 \\end{numcases}',
      centernot: '\\centernot\\implies',
      color: '\\color{red}{x} \\textcolor{blue}{y}',
      colortbl: '\\begin{array}{c} \\cellcolor{red} a \\end{array}',
      configmacros: 'x',
      empheq: '\\begin{empheq}[left=\\empheqlbrace]{align} a &= b \\end{empheq}',
      enclose: '\\enclose{circle}{x}',
      extpfeil: '\\xtwoheadrightarrow{f}',
      gensymb: '30\\degree',
      html: '\\href{https://example.org}{x}',
      mathtools: 'a \\coloneqq b \\mathclap{x}',
      mhchem: '\\ce{H2O + CO2 -> H2CO3}',
      newcommand: '\\newcommand{\\x}{x} \\x',
      textcomp: '30\\textdegree \\textcelsius',
      textmacros: '\\text{$x$ and \\emph{y}}',
      unicode: '\\unicode{x41}',
      upgreek: '\\upalpha',
      verb: '\\verb|x^2|',
    };
    assert.deepEqual(Object.keys(samples).sort(), [...TEX_PACKAGES].sort());
    const jobs = Object.values(samples).map(display);
    const { formulas } = await ts.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
    formulas.forEach((f, k) => assert.equal(f.error, undefined, `${jobs[k]!.tex}: ${f.error?.message}`));
  });

  it('leaves \\require and physics out', async () => {
    const { formulas } = await ts.typeset({ jobs: [inline('\\require{physics}'), inline('\\qty(x)')], macros: {}, equationNumbers: 'ams' });
    assert.equal(formulas[0]!.error?.id, 'UndefinedControlSequence');
    assert.equal(formulas[1]!.error?.id, 'UndefinedControlSequence');
  });
});
