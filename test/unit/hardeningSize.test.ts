// Size: a generated 10 MB math-heavy Markdown document goes through the whole core (parse,
// typeset, per-block HTML) without crashing, and memory stays bounded. Time and peak RSS are
// printed (informational); only a generous memory bound on one render is asserted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MathdownRenderer, type RenderResult } from '../../src/node/coreEntry';
import { hugeDocument } from './helpers/hugeDocument';

const TARGET = 10 * 1024 * 1024;
const RSS_BOUND_MB = 2048;

test('a 10 MB math-heavy document renders through the core with bounded memory', async () => {
  const { text, distinct } = hugeDocument(TARGET);
  assert.ok(text.length >= TARGET);
  // The per-formula time budget (tested in typesetterLimits) is lifted: on a busy machine one of
  // 170k formulas can overrun it, which is a timeout working, not a failure of size handling.
  const renderer = new MathdownRenderer({ timeoutMs: 60_000 });
  try {
    const started = performance.now();
    let result: RenderResult | undefined = await renderer.render(text);
    const firstMs = performance.now() - started;
    const errors = result.formulas.filter((f) => f.error).length;
    assert.ok(result.formulas.length > 100_000, `${result.formulas.length} formulas`);
    assert.ok(result.blocks.length > 10_000);
    assert.equal(errors, 0, 'every formula typesets');

    // The preview sends blocks; all of them joined (RenderResult.html) would be longer than the
    // longest string V8 can make at this size (with per-formula glyph definitions), so sizes are summed.
    const htmlChars = result.blocks.reduce((n, b) => n + b.html.length, 0);
    const counts = { formulas: result.formulas.length, blocks: result.blocks.length };
    const keys = result.blocks.map((b) => b.key);
    result = undefined;
    const peakFirstMb = process.resourceUsage().maxRSS / 1024;
    const again = performance.now();
    const second = await renderer.render(text);
    const secondMs = performance.now() - again;
    assert.ok(
      second.blocks.every((b, i) => b.key === keys[i]),
      'a second render (all cached) gives the same blocks',
    );

    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `10 MB document: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${counts.formulas} formulas (${distinct} distinct), ${counts.blocks} blocks, ` +
        `${(htmlChars / 1024 / 1024).toFixed(0)} MB of HTML in blocks; first render ${(firstMs / 1000).toFixed(1)} s, second (cached) ${(secondMs / 1000).toFixed(1)} s; ` +
        `peak RSS ${peakFirstMb.toFixed(0)} MB after the first render, ${peakMb.toFixed(0)} MB overall (bound ${RSS_BOUND_MB} MB)`,
    );
    // One render stays under the bound. A second one (measured, not asserted) adds the renderer's
    // block-HTML cache, which keeps every block of the first render: about the HTML size again.
    assert.ok(peakFirstMb < RSS_BOUND_MB, `peak RSS ${peakFirstMb.toFixed(0)} MB during one render`);
  } finally {
    await renderer.dispose();
  }
});
