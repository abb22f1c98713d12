// The one settings loader (src/core/config/loadProjectSettings) with an in-memory file system: the
// search, the order of the layers, broken files, preamble paths; front matter; opt-in packages.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  DEFAULT_SETTINGS,
  documentMath,
  lintDocument,
  loadProjectSettings,
  parseSettings,
  type ConfigHost,
  type MathdownSettings,
} from '../../src/core';
import { MathdownRenderer } from './helpers/testRenderer';

/** Files by absolute POSIX path. */
function memoryHost(files: Record<string, string>): ConfigHost {
  return {
    readText: async (path) => files[path],
    parent: (path) => (path === '/' ? undefined : path.replace(/\/[^/]*$/, '') || '/'),
    resolve: (dir, rel) => {
      if (rel.startsWith('/')) return rel;
      const parts = dir.split('/').filter(Boolean);
      for (const p of rel.split('/')) {
        if (p === '..') parts.pop();
        else if (p !== '.') parts.push(p);
      }
      return '/' + parts.join('/');
    },
  };
}

test('the nearest .mathdown.json applies over the settings below it, with named entries merged', async () => {
  const host = memoryHost({
    '/p/.mathdown.json': JSON.stringify({
      'math.macros': { R: '\\mathbb{R}' },
      'lint.rules': { MM104: 'off' },
      'math.equationNumbers': 'all',
    }),
    '/p/sub/deeper/.mathdown.json': JSON.stringify({ 'math.equationNumbers': 'none' }),
  });
  const base: MathdownSettings = parseSettings({
    'math.macros': { C: '\\mathbb{C}', R: '\\text{overridden}' },
    'lint.rules': { MM101: 'off' },
    'export.theme': 'dark',
  }).settings;
  const r = await loadProjectSettings({ host, dir: '/p/sub', base });
  assert.equal(r.configFile, '/p/.mathdown.json');
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.settings.math.macros, { C: '\\mathbb{C}', R: '\\mathbb{R}' });
  assert.deepEqual(r.settings.lint.rules, { MM101: 'off', MM104: 'off' });
  assert.equal(r.settings.math.equationNumbers, 'all');
  assert.equal(r.settings.export.theme, 'dark', 'what the file does not set stays');
  const deeper = await loadProjectSettings({ host, dir: '/p/sub/deeper', base });
  assert.equal(deeper.settings.math.equationNumbers, 'none', 'only the nearest file applies');
  assert.deepEqual(deeper.settings.math.macros, base.math.macros);
  const none = await loadProjectSettings({ host: memoryHost({}), dir: '/q' });
  assert.deepEqual(none.settings, DEFAULT_SETTINGS);
  assert.equal(none.configFile, undefined);
});

test('preamble paths: relative to the settings file in .mathdown.json, to baseDir in the settings below; the preamble is over the file', async () => {
  const host = memoryHost({
    '/p/.mathdown.json': JSON.stringify({ 'math.preamble': ['tex/defs.tex'], 'math.macros': { R: 'file', Q: 'file' } }),
    '/p/tex/defs.tex': '\\newcommand{\\R}{\\mathbb{R}}\n\\providecommand{\\Q}{\\mathbb{Q}}\n\\usepackage{amsmath}\n',
    '/w/shared.sty': '\\DeclareMathOperator*{\\argmax}{arg\\,max}\n',
  });
  const r = await loadProjectSettings({ host, dir: '/p/docs' });
  assert.deepEqual(r.preambleFiles, ['/p/tex/defs.tex']);
  assert.deepEqual(r.settings.math.preamble, ['/p/tex/defs.tex']);
  assert.deepEqual(r.settings.math.macros, { R: '\\mathbb{R}', Q: 'file' }, '\\providecommand keeps what the file defined');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.file, d.line, d.column, d.kind]),
    [['/p/tex/defs.tex', 3, 1, 'preamble']],
  );
  const base = parseSettings({ 'math.preamble': 'shared.sty' }).settings;
  const fromVsCode = await loadProjectSettings({ host, dir: '/w/docs/a', base, baseDir: '/w' });
  assert.deepEqual(fromVsCode.preambleFiles, ['/w/shared.sty']);
  assert.deepEqual(fromVsCode.settings.math.macros, { argmax: '\\operatorname*{arg\\,max}' });
});

test('a broken .mathdown.json is a diagnostic at the JSON error, and the settings below it apply', async () => {
  const text = '{\n  "math.macros": {"R": "x"},\n  oops\n}\n';
  const base = parseSettings({ 'math.equationNumbers': 'all' }).settings;
  const r = await loadProjectSettings({ host: memoryHost({ '/p/.mathdown.json': text }), dir: '/p', base });
  assert.deepEqual(r.settings, base);
  assert.equal(r.diagnostics.length, 1);
  const [d] = r.diagnostics;
  assert.equal(d!.kind, 'syntax');
  assert.equal(d!.file, '/p/.mathdown.json');
  assert.deepEqual([d!.line, d!.column], [3, 3]);
  assert.match(d!.message, /is not valid JSON/);
});

test('a bad key is a diagnostic at the key; a missing preamble file is one on the settings file', async () => {
  const text = '{\n  "math.packages": ["phyiscs"],\n  "math.preamble": "nope.tex"\n}\n';
  const r = await loadProjectSettings({ host: memoryHost({ '/p/.mathdown.json': text }), dir: '/p' });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.line, d.column, d.kind]),
    [
      [2, 3, 'setting'],
      [3, 3, 'unreadable'],
    ],
  );
  assert.match(
    r.diagnostics[0]!.message,
    /"math.packages" names "phyiscs", which is not an optional MathJax package \(offered: "physics", "bussproofs"\)/,
  );
  assert.match(r.diagnostics[1]!.message, /\/p\/nope\.tex does not exist/);
  assert.deepEqual(r.settings.math.packages, []);
});

test('front matter: MyST math: and header-includes come over the settings and preamble macros', () => {
  const math = parseSettings({ 'math.macros': { R: 'settings', S: 'settings' } }).settings.math;
  const doc = [
    '---',
    'title: Notes',
    'math:',
    "  '\\R': '\\mathbb{R}'",
    '  "\\\\dd": "\\\\mathrm{d}#1"',
    'header-includes: |',
    '  \\usepackage{amsmath}',
    '  \\newcommand{\\S}{\\mathcal{S}}',
    '  \\DeclareMathOperator{\\tr}{tr}',
    '---',
    '$\\R$',
  ].join('\n');
  const out = documentMath(doc, math);
  assert.deepEqual(out.macros, { R: '\\mathbb{R}', S: '\\mathcal{S}', dd: ['\\mathrm{d}#1', 1], tr: '\\operatorname{tr}' });
  assert.equal(documentMath('No front matter $x$', math), math);
  assert.deepEqual(documentMath('---\nheader-includes:\n  - \\newcommand{\\T}{T}\n---\n', math).macros, { ...math.macros, T: 'T' });
});

const renderer = new MathdownRenderer({ helpers: 0 });
after(() => renderer.dispose());

test('math.packages: \\qty(\\frac{a}{b}) renders with physics and is MM301 without it', async () => {
  const text = 'Physics: $\\qty(\\frac{a}{b})$\n';
  const on = parseSettings({ 'math.packages': ['physics'] }).settings;
  const withPhysics = await lintDocument(text, on, { renderer });
  assert.deepEqual(withPhysics, []);
  const html = (await renderer.render(text, { math: on.math })).html;
  assert.doesNotMatch(html, /mjx-merror|data-mjx-error/);
  const without = await lintDocument(text, DEFAULT_SETTINGS, { renderer });
  assert.deepEqual(
    without.map((d) => [d.rule, d.message]),
    [['MM301', 'Undefined control sequence \\qty']],
  );
});

test('preamble and front matter macros reach MathJax (and its cache keys): the same formula renders differently', async () => {
  const formula = '$\\R$\n';
  const a = await renderer.render(formula, { math: { ...DEFAULT_SETTINGS.math, macros: { R: '\\mathbb{R}' } } });
  const b = await renderer.render(formula, { math: { ...DEFAULT_SETTINGS.math, macros: { R: '\\mathcal{R}' } } });
  const c = await renderer.render("---\nmath:\n  '\\R': '\\mathcal{R}'\n---\n" + formula, { math: DEFAULT_SETTINGS.math });
  assert.notEqual(a.html, b.html);
  assert.equal(c.html.replace(/data-line="\d+"/g, ''), b.html.replace(/data-line="\d+"/g, ''));
  const env = await renderer.render('$$\\begin{pmat} a & b \\end{pmat}$$\n', {
    math: { ...DEFAULT_SETTINGS.math, environments: { pmat: ['\\begin{pmatrix}', '\\end{pmatrix}'] } },
  });
  assert.doesNotMatch(env.html, /data-mjx-error|merror/);
});
