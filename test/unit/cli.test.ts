// `mathdown formulas`, `mathdown render`, help, version and configuration errors, through main(argv, io).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './helpers/runCli';
import { version } from '../../package.json';

const root = mkdtempSync(join(tmpdir(), 'mathdown-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

const DOC = [
  '# Notes',
  '',
  'Energy $E = mc^2$, a set $\\{x \\mid x_1 > 0\\}$, it costs $5 and $10.',
  '',
  '| a | $|x|$ |',
  '|---|---|',
  '',
  '$$',
  '\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}',
  '$$',
  '',
  'Broken: $\\frac{a}{$. Kramdown: \\\\(y\\\\).',
  '',
].join('\n');

let n = 0;
function workspace(config?: string): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'doc.md'), DOC);
  if (config !== undefined) writeFileSync(join(dir, '.mathdown.json'), config);
  return dir;
}

const cli = (cwd: string, ...argv: string[]) => runCli(cwd, argv);

test('formulas prints the exact TeX of every formula as JSON lines', async () => {
  const r = await cli(workspace(), 'formulas', 'doc.md');
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  const lines = r.out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((f) => [f.tex, f.display, f.line, f.column, f.delimiter]),
    [
      ['E = mc^2', false, 3, 8, '$'],
      ['\\{x \\mid x_1 > 0\\}', false, 3, 26, '$'],
      ['|x|', false, 5, 7, '$'],
      ['\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n', true, 8, 1, '$$'],
      ['\\frac{a}{', false, 12, 9, '$'],
    ],
  );
  assert.equal(lines[4].error, 'Missing close brace');
  assert.ok(lines.slice(0, 4).every((f) => !('error' in f)));
});

test('formulas follows math.delimiters from the nearest .mathdown.json', async () => {
  const dir = workspace(JSON.stringify({ 'math.delimiters': ['dollars', 'double-backslash'] }));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'doc.md'), DOC);
  const r = await cli(dir, 'formulas', 'sub/doc.md');
  assert.equal(r.code, 0);
  const texs = r.out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l).tex);
  assert.ok(texs.includes('y'), 'the kramdown form is math once enabled');
});

test('render prints the preview HTML with the math typeset as SVG', async () => {
  const r = await cli(workspace(), 'render', 'doc.md');
  assert.equal(r.code, 0);
  assert.match(r.out, /<h1 id="notes" data-line="0" class="code-line">Notes<\/h1>/);
  assert.equal((r.out.match(/<mjx-container/g) ?? []).length, 4);
  assert.equal((r.out.match(/class="mathdown-error"/g) ?? []).length, 1);
  assert.ok(!r.out.includes('<em>'), 'no emphasis made of math');
});

test('help and version', async () => {
  const help = await cli(root, '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /mathdown formulas FILE\.md/);
  assert.deepEqual(await cli(root, '--version'), { code: 0, out: `${version}\n`, err: '' });
});

test('usage and input errors: one sentence on stderr, exit 2', async () => {
  const dir = workspace();
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /^mathdown: unknown command "frobnicate"/],
    [['formulas'], /^mathdown formulas: missing FILE\.md/],
    [['formulas', 'nope.md'], /^mathdown formulas: nope\.md does not exist\.$/m],
    [['render', '.'], /is a folder, not a file/],
    [['formulas', 'doc.md', '--bogus'], /^mathdown: unknown option --bogus/],
    [['formulas', 'doc.md', '--config', 'missing.json'], /config file .*missing\.json does not exist/],
  ];
  for (const [argv, expected] of cases) {
    const r = await cli(dir, ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '');
    assert.match(r.err, expected);
    assert.equal(r.err.trimEnd().split('\n').length, 1, `one line for ${argv.join(' ')}`);
  }
});

test('a malformed config is an error naming the file; a bad key names the key and its default applies', async () => {
  const broken = workspace('{ "math.delimiters": [');
  const r1 = await cli(broken, 'formulas', 'doc.md');
  assert.equal(r1.code, 2);
  assert.match(r1.err, /\.mathdown\.json is not valid JSON/);
  const bad = workspace(
    JSON.stringify({ 'math.equationNumbers': 'some', 'math.macros': { R: 42 }, 'lint.rules': { XX1: 'off' }, 'math.nope': 1 }),
  );
  const r2 = await cli(bad, 'formulas', 'doc.md');
  assert.equal(r2.code, 0);
  assert.match(r2.err, /"math\.equationNumbers" must be one of "none", "ams", "all"; using the default\./);
  assert.match(r2.err, /"math\.macros" has an invalid definition for "R"/);
  assert.match(r2.err, /"lint\.rules" names an unknown rule "XX1"/);
  assert.match(r2.err, /"math\.nope" is not a Mathdown setting/);
  assert.equal(r2.out.trimEnd().split('\n').length, 5);
});
