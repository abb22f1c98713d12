// The scanner on its own: the delimiter rules of math-syntax.md, family switches, and inputs
// that must neither crash nor hang (every scan is linear; the timeout only guards against a hang).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findHtmlMathSpans,
  findInlineMathSpans,
  InlineMathCandidates,
  matchBlockMath,
  matchInlineMath,
  nextBlockMathLine,
  resolveScanOptions,
  ScanMemo,
  type MathMatch,
} from '../../src/core/scanner/scanner';
import { parseMarkdown } from '../../src/core/markdown';

const ALL = resolveScanOptions();
const brief = (m: MathMatch | null) => (m ? [m.tex, m.delimiter, m.display, m.start, m.end] : null);

test('inline: each form, its TeX and extent', () => {
  const cases: Array<[string, unknown]> = [
    ['$x$', ['x', '$', false, 0, 3]],
    ['$$x$$', ['x', '$$', true, 0, 5]],
    ['\\(x\\)', ['x', '\\(', false, 0, 5]],
    ['\\[x\\]', ['x', '\\[', true, 0, 5]],
    ['$`x_1`$', ['x_1', '$`', false, 0, 7]],
    ['\\eqref{eq:1} more', ['\\eqref{eq:1}', 'ref', false, 0, 12]],
    ['$a\\$b$', ['a\\$b', '$', false, 0, 6]],
    ['\\(a \\\\) b\\)', ['a \\\\) b', '\\(', false, 0, 11]],
    ['$a\nb$', ['a\nb', '$', false, 0, 5]],
  ];
  for (const [src, want] of cases) assert.deepEqual(brief(matchInlineMath(src, 0, ALL)), want, src);
});

test('inline: what is not math', () => {
  for (const src of [
    '$ x$',
    '$x $',
    '$x$1',
    '$5 and $10',
    '$a\n\nb$',
    '$',
    '$$',
    '$$$$',
    '\\(\\)',
    '\\(x',
    '$$a',
    '\\ref{}',
    '\\reference{x}',
  ]) {
    assert.equal(matchInlineMath(src, 0, ALL, new ScanMemo()), null, src);
  }
});

test('inline: the second $ of a $$ that opened nothing is literal too', () => {
  const memo = new ScanMemo();
  const src = '$$x$ y';
  assert.equal(matchInlineMath(src, 0, ALL, memo), null);
  assert.equal(matchInlineMath(src, 1, ALL, memo), null);
  // Only the memo shared along the string knows; asked alone, position 1 opens `$x$`.
  assert.deepEqual(brief(matchInlineMath(src, 1, ALL)), ['x', '$', false, 1, 4]);
});

test('families switch forms on and off', () => {
  const only = (...delimiters: Array<'dollars' | 'brackets' | 'environments' | 'gfm' | 'double-backslash'>) =>
    resolveScanOptions({ delimiters });
  assert.equal(matchInlineMath('$x$', 0, only('brackets')), null);
  assert.equal(matchInlineMath('\\(x\\)', 0, only('dollars')), null);
  assert.deepEqual(brief(matchInlineMath('$`x`$', 0, only('dollars'))), ['`x`', '$', false, 0, 5]);
  assert.deepEqual(brief(matchInlineMath('$`x`$', 0, only('gfm'))), ['x', '$`', false, 0, 5]);
  assert.equal(matchInlineMath('\\\\(x\\\\)', 0, ALL), null);
  assert.deepEqual(brief(matchInlineMath('\\\\(x\\\\)', 0, only('double-backslash'))), ['x', '\\\\(', false, 0, 7]);
  assert.equal(matchBlockMath('\\begin{align}\nx\n\\end{align}\n', 0, only('dollars')), null);
  assert.equal(matchBlockMath('```math\nx\n```\n', 0, only('dollars')), null);
  assert.equal(brief(matchInlineMath('$$x$$', 0, resolveScanOptions({ doubleDollarInText: 'inline' })))![2], false);
});

test('block: openers at a line start, up to three spaces, closer line otherwise blank', () => {
  assert.deepEqual(brief(matchBlockMath('   $$\nx\n$$  \nnext', 0, ALL)), ['\nx\n', '$$', true, 3, 10]);
  assert.equal(matchBlockMath('    $$\nx\n$$\n', 0, ALL), null);
  assert.equal(matchBlockMath('$$\nx\n$$ text\n', 0, ALL), null);
  assert.equal(matchBlockMath('$$\nx\n\n$$\n', 0, ALL), null);
  assert.deepEqual(brief(matchBlockMath('\\begin{align*}\n\\begin{align*}x\\end{align*}\n\\end{align*}\n', 0, ALL)), [
    '\\begin{align*}\n\\begin{align*}x\\end{align*}\n\\end{align*}',
    'env',
    true,
    0,
    55,
  ]);
  assert.equal(matchBlockMath('\\begin{document}\nx\n\\end{document}\n', 0, ALL), null);
  assert.equal(matchBlockMath('$$$$\nx\n$$$$\n', 0, ALL), null);
  const m = matchBlockMath('~~~~ math\n a\n~~~\n~~~~\nrest', 0, ALL)!;
  assert.deepEqual([m.tex, m.delimiter, m.blockEnd], [' a\n~~~', 'math-fence', 22]);
});

test('block: the next line in a paragraph that opens display math', () => {
  const src = 'text\nmore $x$\n$$\ny\n$$\n';
  assert.equal(nextBlockMathLine(src, 0, ALL), 14);
  assert.equal(nextBlockMathLine('a\n$$ unclosed\nb\n\n$$\nx\n$$\n', 0, ALL), -1);
});

test('candidates: the next offset where inline math could open', () => {
  const c = new InlineMathCandidates('ab $x$ \\(y\\) $', ALL);
  assert.deepEqual([c.next(0), c.next(4), c.next(6), c.next(8), c.next(13), c.next(14)], [3, 5, 7, 10, 13, -1]);
});

test('spans of a string: leftmost first against code spans, tags and autolinks', () => {
  const texs = (src: string) => findInlineMathSpans(src, ALL).map((m) => m.tex);
  assert.deepEqual(texs('`$a$` $b$ $c `d$ e`'), ['b', 'c `d']);
  assert.deepEqual(texs('<span title="$a$">$b$</span> <https://x.org/$c$> <!-- $d$ --> $e$'), ['b', 'e']);
  assert.deepEqual(texs('``$`a`$`` $`b`$'), ['b']);
  assert.deepEqual(texs('\\$a$ $$$$ $b$'), ['b']);
});

test('spans of raw HTML: text only, not tags, comments or skipped elements', () => {
  const html = '<div title="$a$">$b$<pre>$c$</pre><!-- $d$ --><code>$e$</code>\n$$\nf\n$$</div>';
  assert.deepEqual(
    findHtmlMathSpans(html, ALL).map((m) => m.tex),
    ['b', '\nf\n'],
  );
});

test('odd and hostile inputs of 100 KB finish and find nothing spurious', { timeout: 120_000 }, () => {
  const n = 100_000;
  const inputs: Array<[string, string, number]> = [
    ['dollars', '$'.repeat(n), 0],
    ['backslashes', '\\'.repeat(n), 0],
    ['backticks', '`'.repeat(n), 0],
    ['mixed', '$\\`'.repeat(n / 3), -1],
    ['unclosed \\(', '\\( '.repeat(n / 3), 0],
    ['unclosed \\[ lines', '\\[ a\n'.repeat(n / 5), 0],
    ['unclosed environments', '\\begin{align} x\n'.repeat(n / 16), 0],
    ['currency', '$5 '.repeat(n / 3), 0],
    ['gfm openers', '$` '.repeat(n / 3), 0],
    ['odd runs', '$$$ '.repeat(n / 4), -1],
    ['angle brackets', '<a '.repeat(n / 3), 0],
    ['references', '\\ref{'.repeat(n / 5), 0],
    ['backtick runs', Array.from({ length: 440 }, (_, i) => '`'.repeat(i + 1)).join(' $ '), 0],
    ['table row', '| a | b |\n|---|---|\n|' + '$`| '.repeat(n / 4), 0],
  ];
  for (const [name, src, expected] of inputs) {
    const formulas = parseMarkdown(src).formulas.length;
    findInlineMathSpans(src, ALL);
    findHtmlMathSpans(src, ALL);
    if (expected >= 0) assert.equal(formulas, expected, name);
  }
});

test('spans of a paragraph: environments at a line start, as the extension reads them', () => {
  const src = 'text\n\\begin{align}\na*b\n\\end{align} and $c$';
  assert.deepEqual(
    findInlineMathSpans(src, ALL).map((m) => m.tex),
    ['c'],
  );
  assert.deepEqual(
    findInlineMathSpans(src, ALL, true).map((m) => m.tex),
    ['\\begin{align}\na*b\n\\end{align}', 'c'],
  );
});
