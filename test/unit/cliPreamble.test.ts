// The CLI with a .mathdown.json naming a preamble and packages: the same loader as the extension's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './helpers/runCli';

const root = mkdtempSync(join(tmpdir(), 'mathdown-cli-preamble-'));
after(() => rmSync(root, { recursive: true, force: true }));

function project(config: unknown, files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'p-'));
  writeFileSync(join(dir, '.mathdown.json'), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const DOC = 'Known $\\R$, $\\argmax_x f$, $\\norm{v}$, $\\qty(\\frac{a}{b})$; unknown $\\foo$.\n';

test('mathdown lint knows the preamble macros and the enabled packages; a preamble line that is no definition is reported at its line', async () => {
  const dir = project(
    { 'math.preamble': 'tex/defs.tex', 'math.packages': ['physics'] },
    {
      'tex/defs.tex':
        '\\newcommand{\\R}{\\mathbb{R}}\n\\usepackage{amsmath}\n\\DeclareMathOperator*{\\argmax}{arg\\,max}\n\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}\n',
      'docs/doc.md': DOC,
    },
  );
  const r = await runCli(join(dir, 'docs'), ['lint', 'doc.md']);
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.out
      .trimEnd()
      .split('\n')
      .map((l) => l.split(' ')[1]),
    ['MM301/tex-error'],
  );
  assert.match(r.out, /Undefined control sequence \\foo/);
  assert.match(r.err, /defs\.tex:2:1: \\usepackage is not a definition/);
});

test('without the package \\qty is MM301; an unknown package name is a clear message and the rest applies', async () => {
  const dir = project(
    { 'math.packages': ['phyiscs'], 'math.macros': { R: '\\mathbb{R}' } },
    { 'doc.md': 'Physics: $\\qty(\\frac{a}{b})$ in $\\R$\n' },
  );
  const r = await runCli(dir, ['lint', 'doc.md']);
  assert.equal(r.code, 1);
  assert.match(r.out, /MM301\/tex-error Undefined control sequence \\qty/);
  assert.doesNotMatch(r.out, /\\R/);
  assert.match(
    r.err,
    /"math\.packages" names "phyiscs", which is not an optional MathJax package \(offered: "physics", "bussproofs"\); using the default\./,
  );
});

test('a missing preamble file is reported on the settings file, and the document is still linted', async () => {
  const dir = project({ 'math.preamble': ['nope.tex'] }, { 'doc.md': 'Fine: $x$\n' });
  const r = await runCli(dir, ['lint', 'doc.md']);
  assert.equal(r.code, 0);
  assert.match(r.err, /\.mathdown\.json:1:2: math\.preamble: .*nope\.tex does not exist/);
});
