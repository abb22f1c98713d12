// Incremental lint (src/core/lint/incremental) gives exactly the diagnostics of a full lint: on
// every lint fixture and example, and along a chain of seeded random edits to generated lecture
// notes that reuse the pieces kept from the versions before (blank lines, fences, HTML comments,
// display-math openers and suppression comments typed in and deleted, lines inserted above).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, IncrementalLinter, lint, parseMarkdown, type LintOptions } from '../../src/core';
import { lintChunks } from '../../src/core/lint/incremental/lintChunks';
import { generateDoc } from '../../scripts/bench/generateDoc.mjs';
import { createRandom } from '../../scripts/bench/prng.mjs';

const ROOT = join(__dirname, '../../..');

function options(text: string, extra: Partial<LintOptions> = {}): LintOptions {
  const math = { ...DEFAULT_SETTINGS.math, ...extra.math };
  return {
    math,
    rules: DEFAULT_SETTINGS.lint.rules,
    targets: DEFAULT_SETTINGS.lint.targets,
    formulas: parseMarkdown(text, math).formulas,
    ...extra,
  };
}

function assertSame(linter: IncrementalLinter, text: string, what: string, extra: Partial<LintOptions> = {}): void {
  const o = options(text, extra);
  assert.deepEqual(linter.lint(text, o), lint(text, o), what);
}

test('the same diagnostics as a full lint on every lint fixture and example, twice (the second from the kept pieces)', () => {
  const linter = new IncrementalLinter();
  const files = [
    ...readdirSync(join(ROOT, 'test/fixtures/lint')).map((f) => join(ROOT, 'test/fixtures/lint', f)),
    ...readdirSync(join(ROOT, 'examples')).map((f) => join(ROOT, 'examples', f)),
  ].filter((f) => f.endsWith('.md'));
  assert.ok(files.length > 10);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assertSame(linter, text, file);
    assertSame(linter, text, `${file} again`);
    assertSame(linter, text, `${file} with pandoc as a target`, { targets: ['gfm', 'pandoc'] });
  }
});

/** Snippets that change how blocks around them read. */
const TYPED = [
  '\n\n',
  '\n\nNew paragraph with $x^2$ in it.\n\n',
  '$$',
  '\n$$\n',
  '\n```\n',
  '\n~~~~\n',
  '<!--',
  '-->',
  '\n<!-- mathdown-disable MM101 -->\n',
  '\n<!-- mathdown-enable -->\n',
  '\\[',
  '\\begin{align}',
  '\\end{align}',
  '\\label{eq:new}',
  '\\eqref{eq:new}',
  '*',
  '_',
  '`',
  '\n> quoted\n',
  '\n1. item\n\n',
  '\n<pre>\n',
  '</pre>',
  '\n[ref]: https://example.invalid\n',
];

test('the same diagnostics as a full lint along 40 random edits of generated notes, pieces reused between versions', () => {
  const random = createRandom(18);
  let text = generateDoc({ bytes: 40_000, seed: 7 }).text;
  const linter = new IncrementalLinter();
  assertSame(linter, text, 'the generated notes');
  let reused = 0;
  for (let i = 0; i < 40; i++) {
    const at = Math.floor(random.next() * text.length);
    const roll = random.next();
    if (roll < 0.6) {
      const typed = TYPED[Math.floor(random.next() * TYPED.length)]!;
      text = text.slice(0, at) + typed + text.slice(at);
    } else if (roll < 0.85) {
      text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random.next() * 40));
    } else {
      // a character changed inside a formula
      const formulas = parseMarkdown(text, DEFAULT_SETTINGS.math).formulas;
      const f = formulas[Math.floor(random.next() * formulas.length)];
      if (f && f.texOffset >= 0 && f.tex.length) text = `${text.slice(0, f.texOffset)}x${text.slice(f.texOffset + 1)}`;
    }
    assertSame(linter, text, `after edit ${i + 1}`);
    reused += linter.lastStats.chunks - linter.lastStats.linted;
  }
  assert.ok(reused > 0, 'pieces were reused');
});

test('a change inside one piece re-lints that piece only, and lines inserted above re-lint no piece below', () => {
  const doc = generateDoc({ bytes: 40_000, seed: 3 });
  const linter = new IncrementalLinter();
  linter.lint(doc.text, options(doc.text));
  const f = doc.formulas[Math.floor(doc.formulas.length / 2)]!;
  const edited = `${doc.text.slice(0, f.texStart)}7${doc.text.slice(f.texStart + 1)}`;
  assertSame(linter, edited, 'the edit');
  assert.ok(linter.lastStats.chunks > 20, `the notes are cut into pieces (${linter.lastStats.chunks})`);
  assert.equal(linter.lastStats.linted, 1);
  // a line inserted near the top moves every piece below; messages naming lines (`at 12:3`) follow
  const at = edited.indexOf('\n\n', 500) + 2;
  const moved = `${edited.slice(0, at)}One more line.\n\n${edited.slice(at)}`;
  assertSame(linter, moved, 'a line inserted near the top');
  assert.ok(linter.lastStats.linted <= 2, `re-linted ${linter.lastStats.linted} pieces`);
});

test("a linter given another's pieces (through structured cloning, as between workers) re-lints only what changed, with the same diagnostics", () => {
  const doc = generateDoc({ bytes: 40_000, seed: 4 });
  const first = new IncrementalLinter();
  first.lint(doc.text, options(doc.text));
  const next = new IncrementalLinter();
  next.restore(structuredClone(first.pieces()));
  const f = doc.formulas[Math.floor(doc.formulas.length / 3)]!;
  const edited = `${doc.text.slice(0, f.texStart)}5${doc.text.slice(f.texStart + 1)}`;
  assertSame(next, edited, 'the edit, from the pieces handed over');
  assert.ok(next.lastStats.chunks > 20);
  assert.equal(next.lastStats.linted, 1);
  // Its own pieces stay the most recent: a capacity of one keeps the last piece it linted itself.
  const small = new IncrementalLinter(1);
  small.lint('Own $a * b$ piece.\n', options('Own $a * b$ piece.\n'));
  const own = small.pieces();
  small.restore(first.pieces());
  assert.deepEqual(small.pieces(), own);
});

test('no cut inside a fence, an HTML comment, a formula, or between a display-math opener and its closer', () => {
  const text = [
    'Intro with $a$.',
    '',
    '```',
    'code',
    '',
    'Still code $b$',
    '```',
    '',
    '<!-- a comment',
    '',
    'Still the comment',
    '-->',
    '',
    '$$',
    'x',
    '',
    'Still math?',
    '$$',
    '',
    'Last paragraph.',
    '',
  ].join('\n');
  const cuts = lintChunks(text, parseMarkdown(text, DEFAULT_SETTINGS.math).formulas).map((c) => text.slice(c.start, c.end).split('\n')[0]);
  assert.deepEqual(cuts, ['Intro with $a$.', 'Last paragraph.']);
  assert.equal(lintChunks(`${text}\n[x]: /y\n`, []).length, 1, 'a link definition keeps the document whole');
});
