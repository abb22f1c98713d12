import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../src/core';
import type { MathdownRenderer } from '../../src/core/render/render';
import { defaultExportPath, exportToFile, ExportRefused } from '../../src/node/exportToFile';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';

// File-system behaviour only: a stand-in renderer keeps these tests independent of MathJax.
const renderer = {
  render: async (text: string) => ({
    html: `<p>${text.length} chars</p>`,
    blocks: [],
    formulas: [],
    css: '',
    fontDefs: '',
    styleRules: '',
    lineCount: 1,
    stats: { ms: 0, hits: 0, misses: 0 },
  }),
  dispose: async () => {},
} as unknown as MathdownRenderer;
const options = { renderer, settings: DEFAULT_SETTINGS };

const root = mkdtempSync(join(tmpdir(), 'mathdown-export-write-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const d = join(root, String(n++));
  mkdirSync(d);
  return d;
};

test('the default output is NAME.html beside the source, or in the export folder', () => {
  assert.equal(defaultExportPath('/a/b/notes.md'), '/a/b/notes.html');
  assert.equal(defaultExportPath('/a/b/notes.markdown'), '/a/b/notes.html');
  assert.equal(defaultExportPath('/a/b/README'), '/a/b/README.html');
  assert.equal(defaultExportPath('/a/b/notes.md', 'out'), '/a/b/out/notes.html');
  assert.equal(defaultExportPath('/a/b/notes.md', '/tmp/x'), '/tmp/x/notes.html');
});

test('never writes over the source: same path, relative spelling, symlink or hard link', async () => {
  const d = folder();
  const src = join(d, 'doc.md');
  writeFileSync(src, '# Doc\n');
  symlinkSync(src, join(d, 'sym.html'));
  linkSync(src, join(d, 'hard.html'));
  for (const out of [src, join(d, '.', 'doc.md'), join(d, 'sym.html'), join(d, 'hard.html')]) {
    await assert.rejects(exportToFile('# Doc\n', src, out, options), ExportRefused, out);
  }
  assert.equal(readFileSync(src, 'utf8'), '# Doc\n');
  assert.deepEqual(readdirSync(d).sort(), ['doc.md', 'hard.html', 'sym.html']);
});

test('writes the page and leaves no temporary file behind', async () => {
  const d = folder();
  const src = join(d, 'doc.md');
  writeFileSync(src, '# Doc\n');
  const written = await exportToFile('# Doc\n', src, defaultExportPath(src), options);
  assert.equal(written, join(d, 'doc.html'));
  assert.match(readFileSync(written, 'utf8'), /^<!DOCTYPE html>\n[\s\S]*<title>Doc<\/title>[\s\S]*<p>6 chars<\/p>/);
  assert.deepEqual(readdirSync(d).sort(), ['doc.html', 'doc.md']);
});

test('replaces an existing file by rename: the old file is never truncated in place', async () => {
  const d = folder();
  const out = join(d, 'page.html');
  writeFileSync(out, 'old contents');
  const keep = join(d, 'old-link');
  linkSync(out, keep);
  await writeFileAtomic(out, 'new contents');
  assert.equal(readFileSync(out, 'utf8'), 'new contents');
  assert.equal(readFileSync(keep, 'utf8'), 'old contents', 'the old inode still holds the complete old file');
  assert.deepEqual(readdirSync(d).sort(), ['old-link', 'page.html']);
});

test('a failed write keeps the existing file and cleans up', async () => {
  const d = folder();
  const out = join(d, 'dir.html');
  mkdirSync(out);
  writeFileSync(join(out, 'inside'), 'x');
  await assert.rejects(writeFileAtomic(out, 'new'));
  assert.deepEqual(readdirSync(d), ['dir.html']);
  await assert.rejects(writeFileAtomic(join(d, 'missing', 'x.html'), 'new'), { code: 'ENOENT' });
  assert.ok(!existsSync(join(d, 'missing')));
});

test('a file written from pieces holds them in order; pieces that fail midway keep the old file', async () => {
  const d = folder();
  const out = join(d, 'cache.json');
  async function* pieces(fail: boolean): AsyncGenerator<string> {
    for (let i = 0; i < 5; i++) {
      if (fail && i === 3) throw new Error('serializing failed');
      yield `[${i}]`;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writeFileAtomic(out, pieces(false));
  assert.equal(readFileSync(out, 'utf8'), '[0][1][2][3][4]');
  await assert.rejects(writeFileAtomic(out, pieces(true)), /serializing failed/);
  assert.equal(readFileSync(out, 'utf8'), '[0][1][2][3][4]');
  assert.deepEqual(readdirSync(d), ['cache.json']);
});
