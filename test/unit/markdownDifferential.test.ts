// The guiding promise, measured: the TeX handed to MathJax is exactly what the author wrote.
// Rendered by plain Marked (no math extensions) the formulas of mangle.md lose characters;
// rendered by ours, the text inside every math wrapper is the formula's TeX, verbatim.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeHTML } from 'entities/decode';
import { Marked } from 'marked';
import { parseMarkdown, renderHtml, type ParsedDocument } from '../../src/core/markdown';
import { escapeHtml } from '../../src/shared/escapeHtml';
import type { MathOptions } from '../../src/core/types';

const ROOT = join(__dirname, '../../../test/fixtures');

function textContent(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ''));
}

/** Text inside each math wrapper, by formula index, when the math HTML is the escaped TeX itself. */
function wrapped(doc: ParsedDocument): Map<number, string> {
  const html = renderHtml(doc, (i) => escapeHtml(doc.formulas[i]!.tex));
  const out = new Map<number, string>();
  for (const m of html.matchAll(/<(span|div) class="mathdown-[^"]*" data-formula="(\d+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    out.set(Number(m[2]), decodeHTML(m[3]!));
  }
  return out;
}

test('plain Marked mangles every formula of mangle.md; ours keeps each verbatim', () => {
  const text = readFileSync(join(ROOT, 'markdown/mangle.md'), 'utf8');
  const doc = parseMarkdown(text);
  assert.equal(doc.formulas.length, 16);
  const plain = textContent(new Marked().parse(text) as string);
  const ours = wrapped(doc);
  for (const [i, f] of doc.formulas.entries()) {
    assert.ok(!plain.includes(f.tex), `plain Marked keeps ${JSON.stringify(f.tex)}`);
    assert.equal(ours.get(i), f.tex);
  }
});

test('every formula of every math fixture reaches its wrapper verbatim', () => {
  let total = 0;
  let mangledByPlain = 0;
  for (const file of readdirSync(join(ROOT, 'math')).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(ROOT, 'math', file), 'utf8');
    const spec = JSON.parse(readFileSync(join(ROOT, 'math', file.replace(/\.md$/, '.json')), 'utf8')) as unknown;
    const options = Array.isArray(spec) ? undefined : (spec as { options: Partial<MathOptions> }).options;
    const doc = parseMarkdown(text, options);
    const ours = wrapped(doc);
    const plain = textContent(new Marked().parse(text) as string);
    for (const [i, f] of doc.formulas.entries()) {
      assert.equal(ours.get(i), f.tex, `${file}: formula ${i}`);
      total++;
      if (!plain.includes(f.tex)) mangledByPlain++;
    }
  }
  assert.ok(total > 150, `${total} formulas`);
  // The containers fixture alone has 9 × 8 formulas with Markdown escapes or emphasis in them.
  assert.ok(mangledByPlain >= 72, `plain Marked mangled ${mangledByPlain} of ${total}`);
  console.log(`plain Marked mangled ${mangledByPlain} of ${total} fixture formulas`);
});
