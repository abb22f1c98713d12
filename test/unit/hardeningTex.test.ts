// Pathological TeX inside ordinary documents, through the whole renderer (MathdownRenderer): each
// becomes a visible error box and a Formula.error, the formulas around it render, and the renderer
// stays usable afterwards. Twice: with the production limits, and with the length cap lifted so
// that every case reaches MathJax in the worker (timeouts terminate and replace it). Elapsed times
// are printed for information only.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { MathdownRenderer, type RenderResult } from '../../src/core/render';

const CASES: Array<[name: string, tex: string]> = [
  ['100 KB a+a+…', 'a+'.repeat(50_000) + 'a'],
  ['1 MB formula', '\\alpha_{i} + '.repeat(80_000) + 'x'],
  ['\\def\\a{\\a}\\a', '\\def\\a{\\a}\\a'],
  ['\\def\\a#1{\\a{#1#1}}\\a{x}', '\\def\\a#1{\\a{#1#1}}\\a{x}'],
  ['\\def\\a{\\frac{\\a}{x}}\\a', '\\def\\a{\\frac{\\a}{x}}\\a'],
  ['10k nested braces', '{'.repeat(10_000) + 'x' + '}'.repeat(10_000)],
  ['1k nested \\frac', '\\frac{'.repeat(1_000) + 'x' + '}{y}'.repeat(1_000)],
  ['10k-row matrix', `\\begin{matrix}${'a & b \\\\ '.repeat(10_000)}\\end{matrix}`],
  ['\\newenvironment recursion', '\\newenvironment{e}{\\begin{e}}{\\end{e}}\\begin{e}x\\end{e}'],
  ['\\newcommand recursion', '\\newcommand{\\x}{\\x x}\\x'],
];

/** The case as display math between normal formulas, inline and display. */
function documentWith(tex: string): string {
  return `# Around a hostile formula\n\nBefore $a_1 + b$ and $\\sqrt{2}$.\n\n$$\n${tex}\n$$\n\nAfter $$\\frac{1}{2}$$ and $e^{i\\pi} = -1$.\n`;
}

function formulaHtml(result: RenderResult, i: number): string {
  const at = result.html.indexOf(`data-formula="${i}"`);
  assert.ok(at >= 0, `formula ${i} is in the HTML`);
  return result.html.slice(result.html.indexOf('>', at) + 1, result.html.indexOf('>', at) + 200);
}

/** Deep but finite: MathJax typesets it within the time budget on a quiet machine and times out on a busy one. */
const MAY_RENDER = new Set(['1k nested \\frac']);

function checkAround(result: RenderResult, name: string): string {
  assert.equal(result.formulas.length, 5, `${name}: five formulas found`);
  const bad = result.formulas[2]!;
  if (!bad.error && MAY_RENDER.has(name)) assert.match(formulaHtml(result, 2), /^<mjx-container/, `${name}: typeset`);
  else {
    assert.ok(bad.error, `${name}: the hostile formula has an error`);
    assert.match(formulaHtml(result, 2), /^<span class="mathdown-error"/, `${name}: shown as an error box`);
  }
  for (const i of [0, 1, 3, 4]) {
    assert.equal(result.formulas[i]!.error, undefined, `${name}: formula ${i} renders (${result.formulas[i]!.error?.message})`);
    assert.match(formulaHtml(result, i), /^<mjx-container/, `${name}: formula ${i} is typeset`);
  }
  return bad.error?.id ?? 'rendered';
}

let pathological = 0;
after(() => console.log(`${pathological} pathological formulas rendered as error boxes among normal formulas`));

for (const [mode, options] of [
  ['production limits', {}],
  ['length cap lifted (every case reaches the worker)', { maxTexLength: 2_000_000 }],
] as const) {
  describe(`pathological TeX, ${mode}`, () => {
    const renderer = new MathdownRenderer(options);
    after(() => renderer.dispose());

    for (const [name, tex] of CASES) {
      it(name, async () => {
        const started = performance.now();
        const result = await renderer.render(documentWith(tex));
        const id = checkAround(result, name);
        pathological++;
        console.log(`  ${name.padEnd(28)} ${String(tex.length).padStart(8)} chars → ${id.padEnd(24)} ${(performance.now() - started).toFixed(0)} ms`);
      });
    }

    it('the renderer still works afterwards', async () => {
      const result = await renderer.render('Plain $x^2$ and\n\n$$\n\\int_0^1 f(x)\\,dx\n$$\n');
      assert.deepEqual(result.formulas.map((f) => f.error?.id ?? 'ok'), ['ok', 'ok']);
      assert.equal((result.html.match(/<mjx-container/g) ?? []).length, 2);
    });
  });
}
