// Bad configuration: `.mathdown.json` with wrong types, unknown keys, unknown rule ids, malformed
// macros or invalid JSON gives one clear message naming the file and the key; the defaults apply
// for that key; exit codes follow the CLI contract (docs: cli.md): a bad key is reported and the
// command goes on (0), an unreadable or invalid config file is an error (2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { parseSettings } from '../../src/core/config/parseSettings';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';

const CLI = join(resolve(__dirname, '../../..'), 'dist/cli.js');
const root = mkdtempSync(join(tmpdir(), 'mathdown-bad-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

const DOC = 'Inline $x^2$ and \\(y\\).\n\n$$\n\\frac{1}{2}\n$$\n';

interface Case {
  name: string;
  config: string;
  /** Keys (or words) the message must name; empty for a clean config. */
  names: string[];
  exit: number;
}

const CASES: Case[] = [
  { name: 'invalid JSON', config: '{"math.delimiters": ["dollars",]', names: ['not valid JSON'], exit: 2 },
  { name: 'empty file', config: '', names: ['not valid JSON'], exit: 2 },
  { name: 'not an object', config: '["dollars"]', names: ['must be a JSON object'], exit: 0 },
  { name: 'wrong type (string for a list)', config: '{"math.delimiters": "dollars"}', names: ['"math.delimiters"'], exit: 0 },
  { name: 'wrong value in a list', config: '{"math.delimiters": ["dollars", "tildes"]}', names: ['"math.delimiters"'], exit: 0 },
  { name: 'wrong type (number for an enum)', config: '{"math.equationNumbers": 3}', names: ['"math.equationNumbers"'], exit: 0 },
  { name: 'nested form, wrong type', config: '{"math": {"doubleDollarInText": true}}', names: ['"math.doubleDollarInText"'], exit: 0 },
  { name: 'unknown key', config: '{"math.delimeters": ["dollars"]}', names: ['"math.delimeters"', 'not a Mathdown setting'], exit: 0 },
  { name: 'unknown top-level key', config: '{"colour": "red"}', names: ['"colour"'], exit: 0 },
  { name: 'unknown rule id', config: '{"lint.rules": {"MM999": "off"}}', names: ['"lint.rules"', 'MM999'], exit: 0 },
  { name: 'malformed rule id', config: '{"lint.rules": {"no-emphasis": "off"}}', names: ['"lint.rules"', 'no-emphasis'], exit: 0 },
  { name: 'bad severity', config: '{"lint.rules": {"MM101": "loud"}}', names: ['"lint.rules"', 'loud'], exit: 0 },
  { name: 'macro definition of the wrong type', config: '{"math.macros": {"R": 5}}', names: ['"math.macros"', '"R"'], exit: 0 },
  {
    name: 'macro with a bad argument count',
    config: '{"math.macros": {"norm": ["\\\\lVert #1 \\\\rVert", 12]}}',
    names: ['"math.macros"', '"norm"'],
    exit: 0,
  },
  { name: 'macro with a bad name', config: '{"math.macros": {"not a name": "x"}}', names: ['"math.macros"', 'not a name'], exit: 0 },
  { name: 'macros not an object', config: '{"math.macros": ["R"]}', names: ['"math.macros"'], exit: 0 },
  { name: 'null value', config: '{"export.theme": null}', names: ['"export.theme"'], exit: 0 },
];

function run(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let n = 0;
for (const c of CASES) {
  test(`.mathdown.json: ${c.name}`, () => {
    const dir = join(root, String(n++));
    mkdirSync(dir);
    const file = join(dir, '.mathdown.json');
    writeFileSync(file, c.config);
    writeFileSync(join(dir, 'doc.md'), DOC);
    const r = run(dir, 'formulas', 'doc.md');
    assert.equal(r.status, c.exit, `exit code (stderr: ${r.stderr})`);
    const lines = r.stderr.trim().split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `one message: ${r.stderr}`);
    assert.ok(lines[0]!.includes(file), `the message names the file: ${lines[0]}`);
    for (const word of c.names) assert.ok(lines[0]!.includes(word), `the message names ${word}: ${lines[0]}`);
    if (c.exit === 0) {
      // The defaults apply: the three formulas of the document, with the default delimiters.
      const formulas = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { tex: string });
      assert.deepEqual(
        formulas.map((f) => f.tex),
        ['x^2', 'y', '\n\\frac{1}{2}\n'],
      );
    }
    console.log(`  ${c.name.padEnd(36)} exit ${r.status}: ${lines[0]!.replace(file, '<file>')}`);
  });
}

test('--config naming a missing file is an error naming it', () => {
  const dir = join(root, 'missing');
  mkdirSync(dir);
  writeFileSync(join(dir, 'doc.md'), DOC);
  const r = run(dir, 'formulas', 'doc.md', '--config', 'nope.json');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /nope\.json does not exist/);
});

test('parseSettings never throws on hostile values and keeps the defaults for bad keys', () => {
  const hostile: unknown[] = [
    null,
    0,
    'x',
    [],
    { math: null },
    { math: [] },
    { 'math.macros': { __proto__: 'x' } },
    { constructor: { prototype: 1 } },
    { 'lint.rules': { MM101: { nested: true } } },
    { 'math.delimiters': [null] },
    { mathdown: { math: { delimiters: 7 } } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ];
  for (const raw of hostile) {
    const { settings } = parseSettings(raw);
    assert.deepEqual(settings.math.delimiters, DEFAULT_SETTINGS.math.delimiters);
  }
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype pollution');
  console.log(`${CASES.length + 1} bad configuration files and ${hostile.length} hostile values: one message each, defaults kept`);
});
