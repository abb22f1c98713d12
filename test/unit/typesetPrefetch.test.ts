import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MathdownRenderer } from './helpers/testRenderer';

/**
 * Hundreds of state-free formulas around what does depend on state: numbered and labelled
 * equations, references forward and back, a macro defined halfway and redefined later, a formula
 * that uses it, and a TeX error.
 */
function document(): string {
  const parts: string[] = [];
  for (let k = 0; k < 600; k++) {
    if (k === 200) parts.push('$\\newcommand{\\V}{\\mathbf{v}}$ defines a macro.');
    if (k === 450) parts.push('$\\renewcommand{\\V}{\\vec{v}}$ redefines it.');
    if (k % 50 === 0) parts.push(`$$\\begin{equation} E_{${k}} = m c^{${k}} \\label{eq${k}} \\end{equation}$$`);
    if (k % 70 === 0) parts.push(`See \\eqref{eq${((k + 100) % 600) - (((k + 100) % 600) % 50)}} and $\\ref{eq0}$.`);
    parts.push(
      k > 200 && k % 9 === 0
        ? `Uses $\\V_{${k}} + \\frac{${k}}{2}$.`
        : `Item ${k}: $x_{${k}}^2 + \\sqrt{${k}}$ and $$\\sum_{i=0}^{${k}} i$$`,
    );
    if (k === 300) parts.push('Broken: $\\frac{1}{$.');
  }
  return parts.join('\n\n');
}

for (const helpers of [1, 2]) {
  test(`${helpers} helper worker(s) typesetting ahead change nothing in the result, only who did the work`, async () => {
    const text = document();
    const alone = new MathdownRenderer({ helpers: 0 });
    const helped = new MathdownRenderer({ helpers });
    try {
      const a = await alone.render(text, { fontCache: 'global' });
      const b = await helped.render(text, { fontCache: 'global' });
      assert.equal(b.html, a.html);
      assert.equal(b.fontDefs, a.fontDefs);
      assert.deepEqual(b.formulas, a.formulas);
      assert.ok(
        a.formulas.some((f) => f.error),
        'the TeX error is reported',
      );
      // How much the helpers get done first depends on how much CPU they get (on a busy machine,
      // little): that is the bench's to measure. Here: their work only ever adds cache hits.
      assert.ok(b.stats.hits >= a.stats.hits, `helpers never cost a cache hit (${b.stats.hits} with, ${a.stats.hits} alone)`);
      console.log(`      ${helpers} helper(s): ${b.stats.hits - a.stats.hits} formulas typeset ahead of the in-order pass`);
    } finally {
      await Promise.all([alone.dispose(), helped.dispose()]);
    }
  });
}
