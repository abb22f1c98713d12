// The exported showcase is valid HTML5 (html-validate's recommended rules, one rule off, explained).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_SETTINGS, MathdownRenderer } from '../../src/core';
import { exportToFile } from '../../src/node/exportToFile';

// Loaded with require() so that esbuild bundles html-validate's CommonJS build.
const { HtmlValidate } = require('html-validate') as typeof import('html-validate');

const ROOT = join(__dirname, '../../..');
const SHOWCASE = join(ROOT, 'examples/showcase.md');
const FIXTURE = join(ROOT, 'test/fixtures/export/sample.md');
const FOOTNOTES = join(ROOT, 'test/fixtures/export/footnotes.md');

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // MathJax's SVG output places each formula with style attributes (vertical-align, min-width,
    // width of tags); they are its layout, not decoration, and the page's CSP allows inline styles.
    'no-inline-style': 'off',
  },
});

const renderer = new MathdownRenderer();
const dir = mkdtempSync(join(tmpdir(), 'mathdown-validate-'));
after(async () => {
  await renderer.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function validateExport(source: string, theme: 'light' | 'dark'): Promise<void> {
  const html = readFileSync(await exportToFile(readFileSync(source, 'utf8'), source, join(dir, `${theme}.html`), { renderer, settings: DEFAULT_SETTINGS, theme }), 'utf8');
  const report = await validator.validateString(html);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} [${html.split('\n')[m.line - 1]?.slice(Math.max(0, m.column - 60), m.column + 60)}]`));
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problem(s) in the export of ${source}`);
}

// examples/showcase.md (the preview's demo document) once it exists; the export fixture always.
const SOURCES = [...new Set([existsSync(SHOWCASE) ? SHOWCASE : FIXTURE, FIXTURE, FOOTNOTES])];

for (const source of SOURCES) {
  test(`the export of ${source.slice(ROOT.length + 1)} is valid HTML, light and dark`, async () => {
    await validateExport(source, 'light');
    await validateExport(source, 'dark');
  });
}
