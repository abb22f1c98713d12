import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import TexParser from 'mathjax-full/js/input/tex/TexParser.js';
import { generateDoc } from '../../scripts/bench/generateDoc.mjs';
import { parseMarkdown } from '../../src/core/markdown';
import { MathJaxEngine } from '../../src/core/mathjax/mathjaxEngine';
import type { EngineConfig } from '../../src/core/typeset/typesetProtocol';

// A computed path, so that esbuild leaves this bundle (test/unit/helpers/mathjaxEngineEs5.ts) to run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const es5 = require(join(__dirname, 'mathjaxEngineEs5.js')) as { MathJaxEngine: typeof MathJaxEngine; TexParser: unknown };

const FIXTURES = join(__dirname, '../../../test/fixtures');
/** Long hostile formulas take seconds each without the worker's time budget; the short ones stay. */
const MAX_TEX = 2_000;

function fixtureFormulas(dir: string): Array<[string, boolean]> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, boolean]> => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFormulas(file);
    if (!entry.name.endsWith('.md')) return [];
    return parseMarkdown(readFileSync(file, 'utf8')).formulas.map((f): [string, boolean] => [f.tex, f.display]);
  });
}

const ERRORS: Array<[string, boolean]> = [
  ['\\frac{a}{', true],
  ['\\undefinedmacro x', false],
  ['x^^', false],
  ['\\begin{align} a \\end{aligned}', true],
  ['\\def\\a{\\a}\\a', false],
  ['\\newcommand{\\x}[1]{#1#2}\\x{a}', false],
  ['\\left( x', true],
  ['\\require{nonexistent}', false],
];

test('the build takes MathJax from its TypeScript source, not its ES5 build', () => {
  assert.match(Function.prototype.toString.call(TexParser), /^class /);
  assert.match(Function.prototype.toString.call(es5.TexParser), /^function /);
  const worker = readFileSync(join(__dirname, 'typesetWorker.js'), 'utf8');
  assert.doesNotMatch(worker, /\b__spreadArray\b|\b__values\b/, 'the worker bundle holds tslib helpers of the ES5 build');
});

test('MathJax built from its TypeScript source typesets byte for byte as its published ES5 build', () => {
  const { text, formulas } = generateDoc({ bytes: 60_000, seed: 11 });
  const items = [
    ...formulas.map((f): [string, boolean] => [text.slice(f.texStart, f.texEnd), f.display]),
    ...fixtureFormulas(FIXTURES).filter(([tex]) => tex.length <= MAX_TEX),
    ...ERRORS,
  ];
  assert.ok(items.length > 500, `${items.length} formulas`);
  const configs: EngineConfig[] = [
    {
      macros: { RR: '\\mathbb{R}', pair: ['\\langle #1, #2 \\rangle', 2] },
      equationNumbers: 'ams',
      fontCache: 'global',
      assistiveMml: false,
      styleClasses: false,
    },
    { macros: {}, equationNumbers: 'all', fontCache: 'local', assistiveMml: false, styleClasses: true },
    { macros: {}, equationNumbers: 'none', fontCache: 'none', assistiveMml: true, styleClasses: false },
  ];
  for (const config of configs) {
    const fromSource = new MathJaxEngine(config, 'k');
    const published = new es5.MathJaxEngine(config, 'k');
    let counter = 0;
    let errors = 0;
    for (const [tex, display] of items) {
      const a = fromSource.render(tex, display, counter, false);
      const b = published.render(tex, display, counter, false);
      assert.deepEqual(a, b, `${config.fontCache}: ${JSON.stringify(tex).slice(0, 120)}`);
      counter = a.counterAfter;
      if (a.error) errors++;
    }
    assert.ok(errors >= ERRORS.length, `${errors} errors`);
    assert.equal(fromSource.styleSheet(), published.styleSheet());
  }
});
