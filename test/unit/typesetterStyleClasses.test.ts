// styleClasses: MathJax's style attributes as classes with one stylesheet rule each (for the export,
// whose page must carry no inline style), and nothing else changed.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Typesetter, type TypesetJob, type TypesetRequest } from './helpers/nodeTypesetter';
import { styleClassRules, withStyleAttributes } from './helpers/styleAttributes';

const inline = (tex: string): TypesetJob => ({ tex, display: false });
const display = (tex: string): TypesetJob => ({ tex, display: true });

const JOBS = [
  inline('x^2'),
  inline('\\frac{a}{b}'),
  inline('\\frac{a}{b}'),
  display('\\int_0^1 f(x)\\,dx \\tag{1}\\label{one}'),
  inline('\\eqref{one}'),
  inline('\\style{color: red; border: 1px solid blue}{x}'),
  inline('\\bbox[yellow,5px,border:2px solid red]{y}'),
  inline('\\color{green}{z} \\href{https://example.com}{w}'),
  display('\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}'),
];

describe('Typesetter: styleClasses', () => {
  const ts = new Typesetter({ timeoutMs: 60_000 });
  after(() => ts.dispose());
  const run = (jobs: TypesetJob[], styleClasses: boolean, extra: Partial<TypesetRequest> = {}) =>
    ts.typeset({ jobs, macros: {}, equationNumbers: 'ams', fontCache: 'global', assistiveMml: true, styleClasses, ...extra });

  it('turns every style attribute into a class whose rule holds the same declarations, and changes nothing else', async () => {
    const plain = await run(JOBS, false);
    const classed = await run(JOBS, true);
    const again = await run(JOBS, false);
    assert.equal(plain.styleRules, '');
    assert.deepEqual(
      again.formulas.map((f) => f.html),
      plain.formulas.map((f) => f.html),
      'the two forms are cached apart',
    );
    const rules = styleClassRules(classed.styleRules);
    assert.ok(rules.size >= 5, classed.styleRules);
    assert.ok([...rules.values()].includes('color: red; border: 1px solid blue;'), 'the styles of \\style and \\bbox too');
    classed.formulas.forEach((f, i) => {
      assert.equal(f.error, undefined);
      assert.doesNotMatch(f.html, /\sstyle=/, JOBS[i]!.tex);
      assert.equal(withStyleAttributes(f.html, rules), withStyleAttributes(plain.formulas[i]!.html), JOBS[i]!.tex);
    });
    assert.equal(withStyleAttributes(classed.fontDefs, rules), withStyleAttributes(plain.fontDefs), 'the glyph cache is hidden by a class');
    const lines = classed.styleRules.trimEnd().split('\n');
    assert.equal(new Set(lines).size, lines.length, 'one rule per class');
    for (const line of lines) assert.match(line, /^\.mjx-s[\w-]+\{[^{}]+ !important\}$/);
  });

  it('gives a style text the same class in every formula and every typesetter', async () => {
    const rules = styleClassRules((await run(JOBS, true)).styleRules);
    assert.equal(new Set(rules.values()).size, rules.size, 'distinct classes hold distinct declarations');
    const fresh = new Typesetter({ timeoutMs: 60_000 });
    try {
      assert.equal(
        (
          await fresh.typeset({
            jobs: JOBS,
            macros: {},
            equationNumbers: 'ams',
            fontCache: 'global',
            assistiveMml: true,
            styleClasses: true,
          })
        ).styleRules,
        (await run(JOBS, true)).styleRules,
      );
    } finally {
      await fresh.dispose();
    }
  });

  it('drops a style that could break out of its rule or the <style> element instead of writing it there', async () => {
    const hostile = [
      inline('\\style{color: red</style><b>}{x}'),
      inline('\\style{color: rgb(1,2}{x}'),
      inline('\\style{color: red}}body{display:none}{x}'),
    ];
    const plain = await run(hostile, false);
    const classed = await run(hostile, true);
    assert.match(plain.formulas[0]!.html, /style="color: red&lt;\/style&gt;&lt;b&gt;;"/, 'MathJax lets it through as an attribute');
    assert.doesNotMatch(classed.styleRules, /<|red|rgb/);
    for (const f of classed.formulas) assert.doesNotMatch(f.html, /\sstyle=/);
  });
});
