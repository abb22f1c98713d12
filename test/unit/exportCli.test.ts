// `mathdown export` through main(argv, io), in temp folders.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './helpers/runCli';

const FIXTURES = join(__dirname, '../../../test/fixtures/export');
const root = mkdtempSync(join(tmpdir(), 'mathdown-export-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function workspace(): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  copyFileSync(join(FIXTURES, 'sample.md'), join(dir, 'doc.md'));
  copyFileSync(join(FIXTURES, 'figure.png'), join(dir, 'figure.png'));
  writeFileSync(join(dir, '.mathdown.json'), '{}\n');
  return dir;
}

const cli = (cwd: string, ...argv: string[]) => runCli(cwd, ['export', ...argv]);

test('writes FILE.html beside the source and prints its path', async () => {
  const dir = workspace();
  const r = await cli(dir, 'doc.md');
  assert.deepEqual(r, { code: 0, out: `${join(dir, 'doc.html')}\n`, err: '' });
  const html = readFileSync(join(dir, 'doc.html'), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(html.includes('<title>Export sample: Gaussian integrals</title>'));
  assert.ok(html.includes('src="data:image/png;base64,'));
  assert.deepEqual(readdirSync(dir).sort(), ['.mathdown.json', 'doc.html', 'doc.md', 'figure.png']);
});

test('-o and --theme; the same input gives the same bytes', async () => {
  const dir = workspace();
  mkdirSync(join(dir, 'site'));
  assert.equal((await cli(dir, 'doc.md', '-o', 'site/a.html', '--theme', 'dark')).code, 0);
  assert.equal((await cli(dir, '--theme=dark', 'doc.md', '--output', join(dir, 'site/b.html'))).code, 0);
  const a = readFileSync(join(dir, 'site/a.html'), 'utf8');
  assert.ok(a.includes('<meta name="color-scheme" content="dark">'));
  assert.equal(readFileSync(join(dir, 'site/b.html'), 'utf8'), a);
});

test('export settings come from .mathdown.json; --theme overrides them', async () => {
  const dir = workspace();
  writeFileSync(join(dir, '.mathdown.json'), JSON.stringify({ 'export.theme': 'dark', 'export.images': 'link' }));
  assert.equal((await cli(dir, 'doc.md')).code, 0);
  const html = readFileSync(join(dir, 'doc.html'), 'utf8');
  assert.ok(html.includes('content="dark"') && html.includes('src="figure.png"'));
  assert.equal((await cli(dir, 'doc.md', '--theme', 'light')).code, 0);
  assert.ok(readFileSync(join(dir, 'doc.html'), 'utf8').includes('<meta name="color-scheme" content="light">'));
});

test('never writes over the source', async () => {
  const dir = workspace();
  const before = readFileSync(join(dir, 'doc.md'), 'utf8');
  const r = await cli(dir, 'doc.md', '-o', './doc.md');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /^mathdown export: not writing .*doc\.md: the output .* is the source document itself/);
  assert.equal(readFileSync(join(dir, 'doc.md'), 'utf8'), before);
});

test('usage and input errors exit 2 with one sentence and write nothing', async () => {
  const dir = workspace();
  const cases: [string[], RegExp][] = [
    [[], /missing FILE\.md/],
    [['nope.md'], /nope\.md does not exist/],
    [['doc.md', 'other.md'], /one Markdown file at a time/],
    [['doc.md', '--theme', 'blue'], /--theme must be light or dark/],
    [['doc.md', '--security', 'lax'], /--security must be one of strict, allowRemote/],
    [['doc.md', '-o'], /needs a value/],
    [['doc.md', '--fast'], /unknown option --fast/],
    [['doc.md', '-o', 'missing/folder/x.html'], /cannot write .*x\.html \(ENOENT\)/],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(dir, ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '');
    assert.match(r.err, message);
    assert.equal(r.err.trim().split('\n').length, 1, 'one line');
  }
  assert.ok(!existsSync(join(dir, 'doc.html')));
  assert.deepEqual(readdirSync(dir).sort(), ['.mathdown.json', 'doc.md', 'figure.png']);
});

test('remote images: left out by default (strict), linked with --security as the preview would load them', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'remote.md'), '![pixel](https://example.com/p.png) ![dev](http://localhost:8000/d.png)\n');
  assert.equal((await cli(dir, 'remote.md')).code, 0);
  const strict = readFileSync(join(dir, 'remote.html'), 'utf8');
  assert.ok(!strict.includes('<img'), 'no remote image in the page');
  assert.ok(strict.includes('title="Remote image left out: https://example.com/p.png">pixel</span>'));
  assert.ok(strict.includes("img-src 'self' data: file:;"));
  assert.equal((await cli(dir, 'remote.md', '--security', 'allowRemote')).code, 0);
  const remote = readFileSync(join(dir, 'remote.html'), 'utf8');
  assert.ok(remote.includes('<img src="https://example.com/p.png" alt="pixel">'));
  assert.ok(remote.includes('title="Remote image left out: http://localhost:8000/d.png">dev</span>'));
  assert.ok(remote.includes("img-src 'self' data: https: file:;"));
  assert.equal((await cli(dir, 'remote.md', '--security=allowInsecure')).code, 0);
  assert.ok(readFileSync(join(dir, 'remote.html'), 'utf8').includes('<img src="http://localhost:8000/d.png" alt="dev">'));
});
