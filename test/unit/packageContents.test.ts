// What the .vsix ships (`vsce ls`, the list `npm run package` packs): the bundles, media,
// grammars and snippets, rule docs and the manifest — no sources, tests, maps or tooling.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '../../..');
const ALLOWED = [
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
  /^dist\/(extension|typesetWorker|lintWorker|webview|notebookRenderer|notebookPaint|cli|core|pdf)\.js$/,
  /^dist\/web\/(extension|typesetWorker|lintWorker)\.js$/,
  /^media\/[\w.-]+\.(css|svg|png)$/,
  /^syntaxes\/[\w.-]+\.json$/,
  /^schemas\/mathdown\.schema\.json$/,
  /^docs\/rules\/(MM\d{3}|README)\.md$/,
  /^docs\/screenshots\/(showcase-(light|dark)|notebook-(mathdown|builtin-katex)|editor-math-dark|references-dark|pdf-page|copy-menu-light)\.png$/,
];
const REQUIRED = [
  'package.json',
  'dist/extension.js',
  'dist/core.js',
  'dist/typesetWorker.js',
  'dist/lintWorker.js',
  'dist/webview.js',
  'dist/notebookRenderer.js',
  // The notebook renderer's own typesetting (it also starts dist/web/typesetWorker.js).
  'dist/notebookPaint.js',
  'dist/cli.js',
  // Export to PDF's printer (loadPdf.ts), loaded by the extension and the CLI when a PDF is asked for.
  'dist/pdf.js',
  'dist/web/extension.js',
  'dist/web/typesetWorker.js',
  'dist/web/lintWorker.js',
  'media/preview.css',
  'docs/rules/MM301.md',
  'schemas/mathdown.schema.json',
];

test('the extension package holds only what it needs', () => {
  const out = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
    cwd: root,
    encoding: 'utf8',
  });
  const files = out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
  assert.deepEqual(stray, [], 'stray files in the .vsix');
  for (const f of REQUIRED) assert.ok(files.includes(f), `${f} is packaged`);
  const readmeImages = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^[a-z]+:/i.test(src));
  assert.ok(readmeImages.length > 0, 'the README shows images');
  for (const f of readmeImages) assert.ok(files.includes(f), `${f}, shown in the README, is packaged`);
  console.log(`${files.length} files in the .vsix`);
});

test('the manifest declares both entries, each packaged, and the Restricted Mode and virtual workspace capabilities', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    main?: string;
    browser?: string;
    capabilities?: {
      untrustedWorkspaces?: { supported?: unknown; description?: string; restrictedConfigurations?: string[] };
      virtualWorkspaces?: unknown;
    };
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.browser, './dist/web/extension.js');
  for (const entry of [manifest.main, manifest.browser]) assert.ok(REQUIRED.includes(entry.replace(/^\.\//, '')), `${entry} is packaged`);
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.ok(untrusted?.description, 'Restricted Mode says what is limited');
  // Only settings that name a path or a command are restricted; each one named must exist.
  assert.deepEqual(untrusted?.restrictedConfigurations, [
    'mathdown.export.folder',
    'mathdown.export.browserPath',
    'mathdown.math.preamble',
  ]);
  for (const key of untrusted!.restrictedConfigurations!) assert.ok(key in manifest.contributes.configuration.properties, key);
  assert.equal(manifest.capabilities?.virtualWorkspaces, true);
});

test('mathdown/core resolves through the package exports to the built core, which exports the renderer', () => {
  // A require from inside the package resolves its own name through "exports" (self-reference).
  const packageRequire = createRequire(join(root, 'package.json'));
  assert.equal(packageRequire.resolve('mathdown/core'), join(root, 'dist/core.js'));
  const core = packageRequire('mathdown/core') as typeof import('../../src/core');
  assert.equal(typeof core.MathdownRenderer, 'function');
  assert.equal(typeof core.parseMarkdown, 'function');
});

test('mathdown/core works in Node with no set-up: the renderer typesets in its worker thread, lint runs in its own', async () => {
  const core = createRequire(join(root, 'package.json'))('mathdown/core') as typeof import('../../src/node/coreEntry');
  const renderer = new core.MathdownRenderer({ helpers: 0 });
  try {
    const result = await renderer.render('$x^2$\n');
    assert.match(result.html, /<mjx-container/);
    assert.equal(result.formulas[0]!.error, undefined);
  } finally {
    await renderer.dispose();
  }
  const linter = new core.LintWorkerClient();
  try {
    const text = '$ x $ and $y$5\n';
    const diagnostics = await linter.lint(text, {});
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(diagnostics, core.lint(text, {}));
  } finally {
    await linter.dispose();
  }
});
