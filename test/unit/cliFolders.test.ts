// `mathdown export PATH… --out-dir` and `mathdown lint` over folders, several files at once: what
// they write and print is what the same files give one at a time.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main';
import { runCli } from './helpers/runCli';

const LINT_FIXTURES = join(__dirname, '../../../test/fixtures/lint');
const EXPORT_FIXTURES = join(__dirname, '../../../test/fixtures/export');
const root = mkdtempSync(join(tmpdir(), 'mathdown-cli-folders-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A folder of lint fixtures spread over sub-folders, plus the export sample with its image. */
function tree(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(root, 'tree-'));
  const names = readdirSync(LINT_FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const files: string[] = [];
  names.forEach((name, i) => {
    const rel = i % 3 === 0 ? name : join(i % 3 === 1 ? 'a' : 'b/c', name);
    mkdirSync(join(dir, 'docs', rel, '..'), { recursive: true });
    copyFileSync(join(LINT_FIXTURES, name), join(dir, 'docs', rel));
    files.push(join('docs', rel));
  });
  copyFileSync(join(EXPORT_FIXTURES, 'sample.md'), join(dir, 'docs', 'sample.md'));
  copyFileSync(join(EXPORT_FIXTURES, 'figure.png'), join(dir, 'docs', 'figure.png'));
  files.push(join('docs', 'sample.md'));
  writeFileSync(join(dir, '.mathdown.json'), '{}\n');
  return { dir, files: files.sort() };
}

/**
 * The page with its shared glyph definitions and its style-class rules each sorted. Their order
 * follows the order in which formulas were typeset or found in the formula cache, which the pool's
 * shared cache changes (as an earlier preview does for the editor's export); the page is the same.
 */
function sameOrder(html: string): string {
  return html
    .replace(/(id="MJX-SVG-global-cache"><defs>)(.*?)(<\/defs>)/s, (_, open: string, defs: string, close: string) => {
      const paths = defs.match(/<path [^>]*><\/path>/g) ?? [];
      return open + [...paths].sort().join('') + close;
    })
    .replace(/(?:^\.mjx-s[^\n]*\n)+/gm, (rules) => rules.split('\n').filter(Boolean).sort().join('\n') + '\n');
}

test('export --out-dir: every file of the folder, mirrored below OUT, the same page as exported one at a time', async () => {
  const { dir, files } = tree();
  const r = await runCli(dir, ['export', 'docs', '--out-dir', 'site', '--jobs', '3']);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  const expected = files.map((f) => join(dir, 'site', f.slice('docs/'.length).replace(/\.md$/, '.html')));
  assert.deepEqual(r.out.trim().split('\n').sort(), [...expected].sort());
  for (const [i, f] of files.entries()) {
    const alone = join(dir, `alone-${i}.html`);
    const one = await runCli(dir, ['export', f, '-o', alone]);
    assert.equal(one.code, 0, one.err);
    assert.equal(
      sameOrder(readFileSync(expected[i]!, 'utf8')),
      sameOrder(readFileSync(alone, 'utf8')),
      `${f} exported in the folder run as alone`,
    );
  }
  // a relative image still resolves from where the page was written
  assert.ok(readFileSync(join(dir, 'site', 'sample.html'), 'utf8').includes('src="data:image/png;base64,'));
});

test('export --out-dir: a glob, a missing path and a bad option are reported; the other files are written', async () => {
  const { dir } = tree();
  const r = await runCli(dir, ['export', 'docs/a/*.md', 'nothing/here.md', '--out-dir', 'out']);
  assert.equal(r.code, 2);
  assert.match(r.err, /nothing\/here\.md matches no file or folder/);
  const written = readdirSync(join(dir, 'out')).sort();
  assert.ok(written.length > 0 && written.every((f) => f.endsWith('.html')), written.join());
  assert.equal((await runCli(dir, ['export', 'docs', '--out-dir', 'o2', '-o', 'x.html'])).code, 2);
  assert.equal((await runCli(dir, ['export', 'docs', '--out-dir', 'o3', '--jobs', '0'])).code, 2);
  assert.equal((await runCli(dir, ['export', 'docs/sample.md', '--jobs', '2'])).code, 2, '--jobs without --out-dir');
  assert.match((await runCli(dir, ['export', 'docs/sample.md', 'docs/a'])).err, /--out-dir/);
});

test('lint over a folder with every core prints what one-at-a-time lint prints, in the same order', async () => {
  const { dir, files } = tree();
  for (const format of ['text', 'json']) {
    const pooled = await runCli(dir, ['lint', 'docs', '--format', format, '--jobs', '4']);
    const single = await runCli(dir, ['lint', 'docs', '--format', format, '--jobs', '1']);
    assert.deepEqual(pooled, single, `--format ${format}: --jobs 4 as --jobs 1`);
    let text = '';
    const rows: unknown[] = [];
    for (const f of files) {
      const one = await runCli(dir, ['lint', f, '--format', format]);
      if (format === 'text') text += one.out;
      else rows.push(...(JSON.parse(one.out) as unknown[]));
    }
    if (format === 'text') assert.equal(pooled.out, text, 'text: as file by file');
    else assert.deepEqual(JSON.parse(pooled.out), rows, 'json: as file by file');
    assert.equal(pooled.code, 1);
  }
});

test('a progress line only on a terminal, erased before the results', async () => {
  const { dir } = tree();
  let err = '';
  let out = '';
  const code = await main(['lint', 'docs/a', '--jobs', '2'], {
    cwd: dir,
    progress: true,
    out: (t) => {
      assert.ok(!err || err.endsWith('\r\x1b[2K'), 'the progress line is erased before results are printed');
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  assert.equal(code, 1);
  assert.match(err, /mathdown lint: 1\/\d+ docs\/a\//);
  assert.ok(err.endsWith('\r\x1b[2K'));
  assert.ok(out.length > 0);
  const quiet = await runCli(dir, ['lint', 'docs/a', '--jobs', '2']);
  assert.equal(quiet.err, '', 'no progress without a terminal');
});

test('export --out-dir: the notebooks of a folder are exported beside its Markdown files, except one paired with a same-named .md', async () => {
  const dir = mkdtempSync(join(root, 'notebooks-'));
  const notebook = join(__dirname, '../../../test/fixtures/notebook/cross-cell.ipynb');
  mkdirSync(join(dir, 'docs', 'sub'), { recursive: true });
  copyFileSync(notebook, join(dir, 'docs', 'sub', 'alone.ipynb'));
  copyFileSync(notebook, join(dir, 'docs', 'paired.ipynb'));
  writeFileSync(join(dir, 'docs', 'paired.md'), 'Paired $x$.\n');
  writeFileSync(join(dir, '.mathdown.json'), '{}\n');
  const r = await runCli(dir, ['export', 'docs', '--out-dir', 'site']);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.deepEqual(r.out.trim().split('\n'), [join(dir, 'site', 'paired.html'), join(dir, 'site', 'sub', 'alone.html')]);
  const one = await runCli(dir, ['export', 'docs/sub/alone.ipynb', '-o', 'alone.html']);
  assert.equal(one.code, 0, one.err);
  assert.equal(
    sameOrder(readFileSync(join(dir, 'site', 'sub', 'alone.html'), 'utf8')),
    sameOrder(readFileSync(join(dir, 'alone.html'), 'utf8')),
  );
  assert.match(readFileSync(join(dir, 'site', 'paired.html'), 'utf8'), /Paired/);
});
