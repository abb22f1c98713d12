// `mathdown lint` through main(argv, io), in temp folders.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './helpers/runCli';

const root = mkdtempSync(join(tmpdir(), 'mathdown-lint-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

const BAD = 'Braces: $\\{x\\}$ and a bad macro $\\foo$.\n';
const CLEAN = 'Fine: $E = mc^2$.\n';

let n = 0;
function workspace(files: Record<string, string>): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, '.mathdown.json'), '{}\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const cli = (cwd: string, ...argv: string[]) => runCli(cwd, ['lint', ...argv]);

test('text output: file:line:col RULE/name message, exit 1', async () => {
  const dir = workspace({ 'doc.md': BAD });
  const r = await cli(dir, 'doc.md');
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  const lines = r.out.trimEnd().split('\n');
  assert.deepEqual(
    lines.map((l) => l.split(' ')[0] + ' ' + l.split(' ')[1]),
    ['doc.md:1:10 MM102/escape-in-math', 'doc.md:1:13 MM102/escape-in-math', 'doc.md:1:34 MM301/tex-error'],
  );
  assert.match(lines[2], /Undefined control sequence \\foo$/);
});

test('json output: an array of {file, line, column, endLine, endColumn, rule, name, severity, message, fixable}', async () => {
  const dir = workspace({ 'doc.md': BAD });
  const r = await cli(dir, 'doc.md', '--format', 'json');
  assert.equal(r.code, 1);
  const rows = JSON.parse(r.out) as Array<Record<string, unknown>>;
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], {
    file: 'doc.md',
    line: 1,
    column: 10,
    endLine: 1,
    endColumn: 12,
    rule: 'MM102',
    name: 'escape-in-math',
    severity: 'warning',
    message: rows[0].message,
    fixable: true,
  });
  assert.equal(rows[2].rule, 'MM301');
  assert.equal(rows[2].fixable, false);
  assert.equal(rows[2].severity, 'error');
});

test('a clean file: no output, exit 0', async () => {
  const dir = workspace({ 'doc.md': CLEAN });
  assert.deepEqual(await cli(dir, 'doc.md'), { code: 0, out: '', err: '' });
  assert.deepEqual(await cli(dir, 'doc.md', '--format', 'json'), { code: 0, out: '[]\n', err: '' });
});

test('--fix rewrites the file in place (no temp file left) and reports what remains', async () => {
  const dir = workspace({ 'doc.md': BAD });
  const r = await cli(dir, '--fix', 'doc.md');
  assert.equal(readFileSync(join(dir, 'doc.md'), 'utf8'), 'Braces: $`\\{x\\}`$ and a bad macro $\\foo$.\n');
  assert.deepEqual(readdirSync(dir).sort(), ['.mathdown.json', 'doc.md']);
  assert.equal(r.code, 1);
  assert.equal(r.out.trimEnd().split('\n').length, 1);
  assert.match(r.out, /^doc\.md:1:36 MM301\/tex-error/);
  assert.equal(r.err, 'mathdown lint: fixed 2 problems.\n');
  const clean = workspace({ 'doc.md': 'Only fixable: $a\\,b$.\n' });
  assert.deepEqual(await cli(clean, 'doc.md', '--fix'), { code: 0, out: '', err: 'mathdown lint: fixed 1 problem.\n' });
});

test('folders are searched for *.md recursively, skipping node_modules and dot-folders', async () => {
  const dir = workspace({
    'a.md': BAD,
    'notes.txt': BAD,
    'sub/b.md': BAD,
    'sub/deeper/c.md': CLEAN,
    'node_modules/pkg/d.md': BAD,
    '.hidden/e.md': BAD,
  });
  const r = await cli(dir, '.', '--format', 'json');
  const files = [...new Set((JSON.parse(r.out) as Array<{ file: string }>).map((x) => x.file))];
  assert.deepEqual(files, ['a.md', 'sub/b.md']);
  assert.equal(r.code, 1);
});

test('globs: *, ** and {a,b}', async () => {
  const dir = workspace({ 'a.md': BAD, 'b.md': BAD, 'c.md': BAD, 'docs/x.md': BAD, 'docs/deep/y.md': BAD });
  const files = async (...args: string[]) => [
    ...new Set((JSON.parse((await cli(dir, ...args, '--format', 'json')).out) as Array<{ file: string }>).map((x) => x.file)),
  ];
  assert.deepEqual(await files('*.md'), ['a.md', 'b.md', 'c.md']);
  assert.deepEqual(await files('docs/**/*.md'), ['docs/deep/y.md', 'docs/x.md']);
  assert.deepEqual(await files('{a,c}.md'), ['a.md', 'c.md']);
});

test('a missing path is reported (exit 2) and does not stop the other files', async () => {
  const dir = workspace({ 'doc.md': BAD });
  const r = await cli(dir, 'missing.md', 'doc.md');
  assert.equal(r.code, 2);
  assert.match(r.err, /missing\.md matches no file or folder/);
  assert.equal(r.out.trimEnd().split('\n').length, 3);
});

test('settings from .mathdown.json: rules switched off, pandoc target', async () => {
  const dir = workspace({ 'doc.md': BAD });
  writeFileSync(join(dir, '.mathdown.json'), JSON.stringify({ 'lint.rules': { MM301: 'off' } }));
  const r = await cli(dir, 'doc.md');
  assert.deepEqual(
    r.out
      .trimEnd()
      .split('\n')
      .map((l) => l.split(' ')[1]),
    ['MM102/escape-in-math', 'MM102/escape-in-math'],
  );
  writeFileSync(join(dir, '.mathdown.json'), JSON.stringify({ lint: { targets: ['pandoc'], rules: { MM301: 'error' } } }));
  const p = await cli(dir, 'doc.md');
  assert.deepEqual(
    p.out
      .trimEnd()
      .split('\n')
      .map((l) => l.split(' ')[1]),
    ['MM301/tex-error'],
  );
});

test('a malformed config is a usage error naming the file', async () => {
  const dir = workspace({ 'doc.md': BAD });
  writeFileSync(join(dir, '.mathdown.json'), '{ not json');
  const r = await cli(dir, 'doc.md');
  assert.equal(r.code, 2);
  assert.match(r.err, /\.mathdown\.json is not valid JSON/);
  const e = await cli(dir, 'doc.md', '--config', 'nope.json');
  assert.equal(e.code, 2);
  assert.match(e.err, /nope\.json does not exist/);
});

test('usage errors: no path, unknown format, unknown option', async () => {
  const dir = workspace({ 'doc.md': BAD });
  for (const argv of [[], ['doc.md', '--format', 'xml'], ['doc.md', '--fast']]) {
    const r = await cli(dir, ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '');
    assert.match(r.err, /^mathdown/);
  }
});

test('--targets replaces the configured destinations; an unknown one is a usage error', async () => {
  const display = ['$$', 'a \\\\ b', '$$', '', 'Inline $\\{x\\}$.', ''].join('\n');
  const dir = workspace({ 'doc.md': display });
  const rules = async (...argv: string[]) =>
    (await cli(dir, 'doc.md', ...argv)).out
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[0].replace('doc.md:', '') + ' ' + l.split(' ')[1]);
  // github.com keeps display math verbatim; a renderer without math then MathJax does not.
  assert.deepEqual(await rules(), ['5:9 MM102/escape-in-math', '5:12 MM102/escape-in-math']);
  assert.deepEqual(await rules('--targets', 'markdown-then-mathjax'), [
    '2:3 MM102/escape-in-math',
    '5:9 MM102/escape-in-math',
    '5:12 MM102/escape-in-math',
  ]);
  assert.deepEqual(await rules('--targets', 'gfm,commonmark'), await rules('--targets', 'markdown-then-mathjax'));
  assert.deepEqual(await rules('--targets', 'pandoc'), []);
  const bad = await cli(dir, 'doc.md', '--targets', 'github,nowhere');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--targets must be/);
});
