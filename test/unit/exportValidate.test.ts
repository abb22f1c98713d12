// The exported showcase and fixtures are valid HTML5 by html-validate's default configuration
// (its recommended rules, none switched off), checked on the written file as its CLI would.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_SETTINGS, MathdownRenderer } from './helpers/testRenderer';
import { exportToFile } from '../../src/node/exportToFile';

// Loaded with require() so that esbuild bundles html-validate's CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HtmlValidate } = require('html-validate') as typeof import('html-validate');

const ROOT = join(__dirname, '../../..');
const SHOWCASE = join(ROOT, 'examples/showcase.md');
const FIXTURES = join(ROOT, 'test/fixtures/export');

/** No configuration given: html-validate's default, `html-validate:recommended` with the HTML5 elements. */
const validator = new HtmlValidate();

const renderer = new MathdownRenderer();
const dir = mkdtempSync(join(tmpdir(), 'mathdown-validate-'));
after(async () => {
  await renderer.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('the configuration is the default one: the recommended preset, no rule switched off beyond it', async () => {
  const rules = (await validator.getConfigFor(join(dir, 'page.html'))).getRules();
  const preset = (await new HtmlValidate({ extends: ['html-validate:recommended'] }).getConfigFor(join(dir, 'page.html'))).getRules();
  assert.ok(rules.size > 50, `${rules.size} rules`);
  assert.deepEqual(rules, preset);
  assert.equal(rules.get('no-inline-style')?.[0], 2);
});

async function validateExport(source: string, theme: 'light' | 'dark'): Promise<void> {
  const file = await exportToFile(readFileSync(source, 'utf8'), source, join(dir, `${theme}.html`), {
    renderer,
    settings: DEFAULT_SETTINGS,
    theme,
  });
  const html = readFileSync(file, 'utf8');
  const report = await validator.validateFile(file);
  const problems = report.results.flatMap((r) =>
    r.messages.map(
      (m) =>
        `${m.line}:${m.column} ${m.ruleId}: ${m.message} [${html.split('\n')[m.line - 1]?.slice(Math.max(0, m.column - 60), m.column + 60)}]`,
    ),
  );
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problem(s) in the export of ${source}`);
  assert.equal(report.valid, true);
}

// examples/showcase.md (the preview's demo document) and every export fixture, the hostile one too.
const SOURCES = [
  SHOWCASE,
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(FIXTURES, f)),
];

for (const source of SOURCES) {
  test(`the export of ${source.slice(ROOT.length + 1)} is valid HTML, light and dark`, async () => {
    await validateExport(source, 'light');
    await validateExport(source, 'dark');
  });
}
