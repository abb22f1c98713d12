// MyST documents (docs/math-syntax.md, "MyST"): labelled equations are numbered and `{eq}`
// references show the same numbers, directive bodies are Markdown whose math is typeset; without
// the front matter (or the setting) the same text reads as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MathdownRenderer } from './helpers/testRenderer';

const renderer = new MathdownRenderer({ helpers: 0 });
after(() => renderer.dispose());

const FIXTURES = join(__dirname, '../../../test/fixtures/math');
const MYST = readFileSync(join(FIXTURES, 'myst.md'), 'utf8');
const PLAIN = readFileSync(join(FIXTURES, 'myst-off.md'), 'utf8');

/** The equation numbers MathJax wrote (tags and references), in document order, from the assistive MathML. */
function numbers(html: string): string[] {
  return [...html.matchAll(/<mtext>\((\d+)\)<\/mtext>/g)].map((m) => m[1]!);
}

test('MyST: labelled equations are numbered, {eq} references show their numbers, directive bodies are Markdown', async () => {
  const { html, formulas } = await renderer.render(MYST, { assistiveMml: true });
  assert.deepEqual(
    formulas.filter((f) => f.error),
    [],
  );
  // $$ … $$ (eq:sum) is (1), {math} :label: eq:dir is (2), the unlabelled :::{math} has none; then the two {eq} references.
  assert.deepEqual(numbers(html), ['1', '2', '1', '2']);
  assert.match(
    html,
    /<div data-line="27" class="myst-directive myst-prf-definition code-line">\n<p class="myst-directive-title">Definition \(Norm\)<\/p>/,
  );
  const definition = html.slice(html.indexOf('myst-prf-definition'), html.indexOf('myst-note'));
  assert.equal([...definition.matchAll(/data-formula="(\d+)"/g)].length, 2, 'the math inside the directive is typeset');
  assert.match(html, /<span id="sec:intro"><\/span>/);
  assert.match(html, /<code class="language-\{code-cell\}">x = &quot;\$not math\$&quot;/);
});

test('MyST: the same text without the front matter reads as before; the setting turns MyST on', async () => {
  const plain = await renderer.render(PLAIN, { assistiveMml: true });
  assert.doesNotMatch(plain.html, /myst-directive/);
  assert.deepEqual(numbers(plain.html), []);
  const myst = await renderer.render(PLAIN, { assistiveMml: true, math: { syntax: 'myst' } });
  assert.deepEqual(numbers(myst.html), ['1', '2', '1', '2']);
});

test("MyST: a TeX error in a labelled equation points into the formula's own TeX", async () => {
  const text = '---\nmyst:\n  x: 1\n---\n\n$$\na + \\foo\n$$ (eq:bad)\n';
  const { formulas } = await renderer.render(text);
  const error = formulas[0]!.error!;
  assert.equal(error.id, 'UndefinedControlSequence');
  assert.equal(formulas[0]!.tex.slice(0, error.offset), '\na + \\foo');
});
