// Pathological TeX inside ordinary documents, through the whole renderer (MathdownRenderer): each
// becomes a visible error box and a Formula.error, the formulas around it render, and the renderer
// stays usable afterwards. Twice: with the production limits, and with the length cap lifted so
// that every case reaches MathJax in the worker (timeouts terminate and replace it). Elapsed times
// are printed for information only: `npm run bench` measures them against issue 2's 2 s.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { MathdownRenderer, type RenderResult } from '../../src/node/coreEntry';
import { documentWith, HOSTILE_TEX } from '../../scripts/bench/hostileTex.mjs';

function formulaHtml(result: RenderResult, i: number): string {
  const at = result.html.indexOf(`data-formula="${i}"`);
  assert.ok(at >= 0, `formula ${i} is in the HTML`);
  return result.html.slice(result.html.indexOf('>', at) + 1, result.html.indexOf('>', at) + 200);
}

/** Deep but finite: MathJax typesets it within the time budget on a quiet machine and times out on a busy one. */
const MAY_RENDER = new Set(['1k nested \\frac', '4k nested braces', '900-row matrix', 'a+a+… just under the length cap']);

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

    for (const [name, tex] of HOSTILE_TEX) {
      it(name, async () => {
        const started = performance.now();
        const result = await renderer.render(documentWith(tex));
        const id = checkAround(result, name);
        pathological++;
        console.log(
          `  ${name.padEnd(28)} ${String(tex.length).padStart(8)} chars → ${id.padEnd(24)} ${(performance.now() - started).toFixed(0)} ms`,
        );
      });
    }

    it('the renderer still works afterwards', async () => {
      const result = await renderer.render('Plain $x^2$ and\n\n$$\n\\int_0^1 f(x)\\,dx\n$$\n');
      assert.deepEqual(
        result.formulas.map((f) => f.error?.id ?? 'ok'),
        ['ok', 'ok'],
      );
      assert.equal((result.html.match(/<mjx-container/g) ?? []).length, 2);
    });
  });
}
