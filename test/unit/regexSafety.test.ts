// Regular-expression safety: every regex of src/ and of the TextMate grammars (found by walking the
// sources, scripts/dev/regexInventory.mjs) runs over 10 KB and 100 KB of adversarial input; the
// time must grow about linearly (a 10× input may cost at most BOUND× the time; quadratic would be
// ~100×). So must the whole parseMarkdown. Times are the minimum of several runs; only the ratio
// is asserted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { Marked } from 'marked';
import * as oniguruma from 'vscode-oniguruma';
import { regexInventory, type InventoryRegex } from '../../scripts/dev/regexInventory.mjs';
import { parseMarkdown } from '../../src/core/markdown';
import { DEFAULT_MATH_OPTIONS, type MathOptions } from '../../src/core/types';

const ROOT = resolve(__dirname, '../../..');
const BOUND = 40;
const TINY = 1_000;
const SMALL = 10_000;
const LARGE = 100_000;
const HUGE = 1_000_000;
const TOO_SLOW_MS = 100;

const units: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/hostile/adversarial-units.json'), 'utf8'));
delete units['_'];

/** A flat string (not a rope of concatenations, whose first read costs more than the scan). */
function repeated(unit: string, size: number): string {
  return Buffer.from(unit.repeat(Math.ceil(size / unit.length)).slice(0, size), 'utf8').toString('utf8');
}
const inputs = Object.entries(units).map(([name, unit]) => ({
  name,
  unit,
  tiny: repeated(unit, TINY),
  small: repeated(unit, SMALL),
  large: repeated(unit, LARGE),
}));

/** Milliseconds of CPU time per call (other processes' load does not count): repeated until `budgetMs` has passed, the best of `rounds`. */
function cost(run: () => void, rounds: number, budgetMs: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = process.cpuUsage();
    let elapsed = 0;
    do {
      run();
      n++;
      const used = process.cpuUsage(start);
      elapsed = (used.user + used.system) / 1000;
    } while (elapsed < budgetMs);
    best = Math.min(best, elapsed / n);
  }
  return best;
}

type Scan = (text: string) => number;

/** Every match from left to right, as `replace`/`matchAll` would find them (`test` allocates no match objects). */
function jsScan(r: InventoryRegex): Scan {
  const re = new RegExp(r.pattern, r.flags.replace(/[gy]/g, '') + 'g');
  return (text) => {
    re.lastIndex = 0;
    let n = 0;
    for (let from = 0; re.test(text); from = re.lastIndex) {
      n++;
      if (re.lastIndex === from) re.lastIndex++;
    }
    return n;
  };
}

/** `\3` in an end/while pattern refers to the begin pattern's capture: stand in a typical one. */
function withoutBackReferences(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && /[1-9]/.test(pattern[i + 1] ?? '')) {
      out += 'align';
      i++;
    } else if (pattern[i] === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else out += pattern[i];
  }
  return out;
}

/**
 * Every match of one grammar pattern, line by line (VS Code tokenizes lines), each search from the
 * previous match's end as the tokenizer moves on. Patterns anchored with `\G` (begin/end/while of
 * block rules) are tried where the tokenizer stands, which for them is the line start: once a line.
 */
function textmateScan(r: InventoryRegex): Scan {
  const pattern = /\.(end|while)$/.test(r.id) ? withoutBackReferences(r.pattern) : r.pattern;
  const anchored = pattern.includes('\\G');
  return (text) => {
    // A fresh scanner each run: a scanner remembers its last search on a string and would answer
    // the same search again from that memory.
    const scanner = new oniguruma.OnigScanner([pattern]);
    let n = 0;
    const lines = onigLines(text);
    for (const s of lines) {
      const length = s.content.length;
      for (let pos = 0; pos <= length;) {
        const m = scanner.findNextMatchSync(s, pos);
        if (!m) break;
        n++;
        const end = m.captureIndices[0]!.end;
        // A zero-width match (a lookahead) consumes nothing: the tokenizer moves to another rule.
        if (end <= pos || anchored) break;
        pos = end;
      }
    }
    if (!onigCache.has(text)) for (const s of lines) s.dispose();
    scanner.dispose();
    return n;
  };
}

/** The lines of an input as Oniguruma strings, made once (their allocation is not the regex's cost). */
const onigCache = new Map<string, oniguruma.OnigString[]>();
function onigLines(text: string): oniguruma.OnigString[] {
  const cached = onigCache.get(text);
  if (cached) return cached;
  const lines = text.split('\n').map((line) => new oniguruma.OnigString(`${line}\n`));
  if (text.length <= LARGE) onigCache.set(text, lines);
  return lines;
}

interface Growth {
  input: string;
  small: number;
  large: number;
  ratio: number;
  /** 1 MB / 100 KB, measured when 100 KB / 10 KB is over the bound: a change of regime (caches, GC) shows in one ratio only, quadratic time in both. */
  confirm?: number;
}

/** Passes when 100 KB / 10 KB is under the bound, or else 1 MB / 100 KB is. */
const passes = (g: Growth): boolean => g.ratio < BOUND || (g.confirm !== undefined && g.confirm < BOUND);

function growth(run: Scan, input: (typeof inputs)[number], careful: boolean): Growth {
  let small = cost(() => run(input.small), 1, careful ? 5 : 0.5);
  if (small > TOO_SLOW_MS && !careful) {
    // Slow already: only worth 100 KB if it did not grow faster than linearly from 1 KB.
    const tiny = cost(() => run(input.tiny), 3, 2);
    if (small / tiny > BOUND) return { input: input.name, small, large: NaN, ratio: Infinity };
  }
  let large = cost(() => run(input.large), 1, careful ? 5 : 0.5);
  if (large / small > BOUND / 4) {
    for (let k = 0; k < 5; k++) {
      small = Math.min(
        small,
        cost(() => run(input.small), 1, 2),
      );
      large = Math.min(
        large,
        cost(() => run(input.large), 1, 2),
      );
    }
  }
  const g: Growth = { input: input.name, small, large, ratio: large / small };
  if (g.ratio >= BOUND && large < 300) g.confirm = cost(() => run(repeated(input.unit, HUGE)), 2, 5) / large;
  return g;
}

/** The worst growth over all inputs (the first failing one if any fails). */
function worstGrowth(run: Scan): Growth {
  let worst: Growth | undefined;
  for (const input of inputs) {
    const g = growth(run, input, false);
    if (!passes(g)) return g;
    if (!worst || g.ratio > worst.ratio) worst = g;
  }
  return worst!;
}

const confirmed = (g: Growth): string => (g.confirm === undefined ? '' : ` (1 MB / 100 KB: ${g.confirm.toFixed(1)}×)`);
const us = (ms: number): string => (Number.isNaN(ms) ? 'not run' : `${(ms * 1000).toFixed(0)} µs`);

test('every regex of src/ and of the grammars grows linearly on adversarial input', async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  for (const input of inputs) for (const text of [input.tiny, input.small, input.large]) onigLines(text);
  const inventory = regexInventory(ROOT);
  const sources = inventory.filter((r) => r.kind !== 'textmate');
  const grammars = inventory.filter((r) => r.kind === 'textmate');
  assert.ok(sources.length >= 100, `the inventory finds the source regexes (${sources.length})`);
  assert.ok(grammars.length >= 20, `the inventory finds the grammar patterns (${grammars.length})`);
  assert.ok(
    sources.some((r) => r.kind === 'constructor'),
    'RegExp calls are found too',
  );

  const rows: Array<{ r: InventoryRegex; g: Growth }> = [];
  for (const r of inventory) {
    rows.push({ r, g: worstGrowth(r.kind === 'textmate' ? textmateScan(r) : jsScan(r)) });
    if (process.env['REGEX_PROGRESS'])
      console.error(rows.length, rows.at(-1)!.g.ratio.toFixed(1), rows.at(-1)!.g.input, us(rows.at(-1)!.g.large), r.id);
  }

  const lines = rows.map(
    ({ r, g }) =>
      `${g.ratio.toFixed(1).padStart(6)}×  ${us(g.small).padStart(9)} ${us(g.large).padStart(11)}  ${g.input.padEnd(22)} ${r.id}${confirmed(g)}${r.dynamic.length ? ` (dynamic parts as x: ${r.dynamic.join(', ')})` : ''}`,
  );
  console.log(
    `${inventory.length} regexes checked (${sources.length} in src/, ${grammars.length} in syntaxes/), ${inputs.length} adversarial inputs each; worst 100 KB / 10 KB growth per regex:`,
  );
  console.log(`   ratio      10 KB      100 KB  worst input            regex`);
  console.log(lines.join('\n'));
  const sorted = [...rows].sort((a, b) => b.g.ratio - a.g.ratio);
  console.log(
    `worst five:\n${sorted
      .slice(0, 5)
      .map(({ r, g }) => `  ${g.ratio.toFixed(1)}× ${r.id} on ${g.input}: ${r.code}`)
      .join('\n')}`,
  );
  const dynamic = inventory.filter((r) => r.dynamic.length);
  if (dynamic.length)
    console.log(
      `${dynamic.length} RegExp calls built from run-time values were checked with "x" for those values: ${dynamic.map((r) => r.id).join(', ')}`,
    );

  const bad = sorted.filter(({ g }) => !passes(g));
  assert.deepEqual(
    bad.map(({ r, g }) => `${r.id} ${g.ratio.toFixed(1)}× on ${g.input}`),
    [],
  );
});

test('parseMarkdown grows linearly on the same adversarial inputs', () => {
  const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, delimiters: ['dollars', 'brackets', 'environments', 'gfm', 'double-backslash'] };
  parseMarkdown('warm $x$ up\n\n$$\ny\n$$\n', math);
  const rows = inputs.map((input) => growth((text) => parseMarkdown(text, math).formulas.length, input, true));
  console.log(`parseMarkdown (all delimiter families on) on ${inputs.length} adversarial inputs, 100 KB / 10 KB:`);
  console.log(
    rows
      .map(
        (g) =>
          `${g.ratio.toFixed(1).padStart(6)}×  ${g.small.toFixed(2).padStart(8)} ms ${g.large.toFixed(1).padStart(9)} ms  ${g.input}${confirmed(g)}`,
      )
      .join('\n'),
  );
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(`parseMarkdown worst growth: ${worst.ratio.toFixed(1)}× on ${worst.input}`);
  // Where Mathdown grows too fast, Marked alone (no math extensions) is measured on the same input:
  // if it grows as fast, the cost is Marked's own and is reported rather than failed.
  const plain = new Marked({ gfm: true });
  const failing = rows.filter((g) => !passes(g));
  const upstream = failing.filter((g) => {
    const input = inputs.find((i) => i.name === g.input)!;
    const marked = growth((text) => plain.lexer(text).length, input, true);
    console.log(
      `  ${g.input}: Marked alone grows ${marked.ratio.toFixed(1)}×${confirmed(marked)} (${marked.small.toFixed(1)} ms → ${marked.large.toFixed(0)} ms)`,
    );
    return !passes(marked);
  });
  if (upstream.length) console.log(`known upstream (Marked's own growth, not Mathdown's): ${upstream.map((g) => g.input).join(', ')}`);
  assert.deepEqual(
    failing.filter((g) => !upstream.includes(g)).map((g) => `${g.input} ${g.ratio.toFixed(1)}×${confirmed(g)}`),
    [],
  );
});
