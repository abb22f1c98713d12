// TeX preamble files (math.preamble): every definition form, problems at their lines, a large file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyPreamble } from '../../src/core/config/preamble/applyPreamble';
import { parsePreamble } from '../../src/core/config/preamble/parsePreamble';
import { DEFAULT_MATH_OPTIONS } from '../../src/core/types';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/config', name), 'utf8');

test('every definition form is read, with LaTeX meaning, and nothing is a problem', () => {
  const parsed = parsePreamble(fixture('preamble-every-form.tex'));
  assert.deepEqual(parsed.problems, []);
  const math = applyPreamble(DEFAULT_MATH_OPTIONS, parsed.definitions);
  assert.deepEqual(math.macros, {
    R: '\\mathbb{R}',
    N: '\\mathbb{N}',
    norm: ['\\lVert #1 \\rVert', 1],
    seq: ['(#2_{#1})', 2, 'n'],
    vec: ['\\mathbf{#1}', 1],
    Z: '\\mathbb{Z}',
    e: '\\mathrm{e}',
    abs: ['\\lvert #1 \\rvert', 1],
    eps: '\\varepsilon',
    oldnorm: ['\\lVert #1 \\rVert', 1],
    to: '\\rightarrow',
    tr: '\\operatorname{tr}',
    argmax: '\\operatorname*{arg\\,max}',
    long: 'a + b',
  });
  assert.deepEqual(math.environments, {
    pmat: ['\\begin{pmatrix}', '\\end{pmatrix}'],
    boxed2: ['\\boxed{#1}\\quad', '', 1],
  });
  assert.equal(parsed.definitions.find((d) => d.name === 'argmax')?.line, 16);
});

test('the acceptance preamble works unchanged', () => {
  const parsed = parsePreamble(
    '\\newcommand{\\R}{\\mathbb{R}}\n\\DeclareMathOperator*{\\argmax}{arg\\,max}\n\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}\n',
  );
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(applyPreamble(DEFAULT_MATH_OPTIONS, parsed.definitions).macros, {
    R: '\\mathbb{R}',
    argmax: '\\operatorname*{arg\\,max}',
    norm: ['\\lVert #1 \\rVert', 1],
  });
});

test('what is not a definition is a problem at its line and column, and the definitions around it still count', () => {
  const text = [
    '\\documentclass{article}', // 1
    '\\usepackage[utf8]{inputenc}', // 2
    '\\newcommand{\\R}{\\mathbb{R}}', // 3
    'Some text', // 4
    '  \\newcommand{\\bad}[x]{y}', // 5
    '\\newcommand{\\open}{never closed', // 6
    '\\def\\delim#1.{#1}', // 7
    '\\let\\x{y}', // 8
    '\\def\\ok{fine}', // 9
  ].join('\n');
  const parsed = parsePreamble(text);
  assert.deepEqual(
    parsed.problems.map((p) => [p.line, p.column]),
    [
      [1, 1],
      [2, 1],
      [4, 1],
      [5, 3],
      [6, 1],
      [7, 1],
      [8, 1],
    ],
  );
  assert.match(parsed.problems[0]!.message, /\\documentclass is not a definition/);
  assert.match(parsed.problems[2]!.message, /Text outside a definition/);
  assert.match(parsed.problems[3]!.message, /number of arguments must be 0 to 9/);
  assert.match(parsed.problems[4]!.message, /braces do not close/);
  assert.match(parsed.problems[5]!.message, /delimited parameters/);
  assert.match(parsed.problems[6]!.message, /\\let needs two commands/);
  // An unclosed brace ends at its line; the definitions before and after it still count.
  assert.deepEqual(applyPreamble(DEFAULT_MATH_OPTIONS, parsed.definitions).macros, { R: '\\mathbb{R}', ok: 'fine' });
});

test('a comment hides a definition, an escaped percent does not start one', () => {
  const parsed = parsePreamble('% \\newcommand{\\hidden}{x}\n\\newcommand{\\pct}{50\\%} % trailing\n');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(applyPreamble(DEFAULT_MATH_OPTIONS, parsed.definitions).macros, { pct: '50\\%' });
});

test('a preamble with 2,000 macros is read whole, each at its line', () => {
  const lines = Array.from({ length: 2000 }, (_, i) =>
    i % 4 === 0
      ? `\\newcommand{\\m${name(i)}}[1]{#1^{${i}}}`
      : i % 4 === 1
        ? `\\DeclareMathOperator{\\m${name(i)}}{op${i}}`
        : i % 4 === 2
          ? `\\def\\m${name(i)}{x_{${i}}} % comment ${i}`
          : `\\renewcommand\\m${name(i)}{\\alpha_{${i}}}`,
  );
  const parsed = parsePreamble(lines.join('\n') + '\n');
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.definitions.length, 2000);
  assert.equal(parsed.definitions[1999]!.line, 2000);
  const macros = applyPreamble(DEFAULT_MATH_OPTIONS, parsed.definitions).macros;
  assert.equal(Object.keys(macros).length, 2000);
  assert.deepEqual(macros['m' + name(1996)], ['#1^{1996}', 1]);
});

/** Letters only: TeX command names have no digits. */
function name(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}
