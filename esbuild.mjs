// The one bundler config: extension, CLI, core library, typesetting worker, webview script, tests.
// Node's bundles enter through src/node/ (the core's public API with Node's platform, the worker
// scripts, the early worker start); the core below them takes its platform as options.
//   node esbuild.mjs              development build of dist/
//   node esbuild.mjs --production minified, no source maps (vsce package)
//   node esbuild.mjs --watch      rebuild on change
//   node esbuild.mjs --tests      also bundle test/**/*.test.ts into out/test/
//   node esbuild.mjs --generate   only generate the sources that are build products (for tsc)
// Every build first generates the TeX completion table from MathJax's own tables.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { writeCompletionTable } from './scripts/gen-completions.mjs';

if (await writeCompletionTable()) console.log('[esbuild] generated src/core/authoring/texCommands.generated.json');
if (process.argv.includes('--generate')) process.exit(0);

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * MathJax bundled from its TypeScript source (mathjax-full/ts) instead of its published ES5 build
 * (mathjax-full/js, which every import names): native classes, for…of and spread instead of
 * tslib's __values/__read/__spreadArray make a fresh worker typeset its first formulas faster
 * (see bench/RESULTS.md), with byte-identical output (test/unit/mathjaxFromSource.test.ts).
 */
const mathjaxTs = join(dirname(createRequire(import.meta.url).resolve('mathjax-full/package.json')), 'ts');
const mathjaxFromSource = {
  name: 'mathjax-from-source',
  setup(build) {
    build.onResolve({ filter: /^mathjax-full\/js\// }, (args) => {
      const base = join(mathjaxTs, args.path.slice('mathjax-full/js/'.length).replace(/\.js$/, ''));
      const file = ['.ts', '.js', '.json'].map((ext) => base + ext).find(existsSync);
      return file ? { path: file } : undefined;
    });
  },
};
// esbuild applies no tsconfig.json to files under node_modules, so the project's is passed for
// every file; its useDefineForClassFields: false is what MathJax's source is written for (a field
// declared without a value must not hide the one a base-class constructor set).
const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')).compilerOptions };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', plugins: [mathjaxFromSource], tsconfigRaw };
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [mathjaxFromSource], tsconfigRaw };

const WEB_TEST_SHIMS = { mocha: 'test/web/shims/mochaTdd.ts', 'node:assert/strict': 'test/web/shims/assertStrict.ts' };
const webTestShims = {
  name: 'web-test-shims',
  setup(build) {
    build.onResolve({ filter: /^(mocha|node:assert\/strict)$/ }, (args) => ({
      path: join(dirname(new URL(import.meta.url).pathname), WEB_TEST_SHIMS[args.path]),
    }));
  },
};

function walk(dir, suffix) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

const builds = [
  { ...node, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // Beside the core: the lint thread, and startTypesetWorker on its own for a host that starts the
  // typesetting worker before loading the core (the extension bundles it; the benchmark loads this).
  {
    ...node,
    entryPoints: {
      core: 'src/node/coreEntry.ts',
      startTypesetWorker: 'src/node/platform/startTypesetWorker.ts',
      lintWorker: 'src/node/workers/lintWorker.ts',
    },
    outdir: 'dist',
  },
  // Without comments and indentation, and so all of it ASCII (one non-ASCII character makes Node read
  // the whole file as two-byte text): every worker start (first render, helpers, restart after a
  // timeout) reads and compiles the whole file. The effect is measured in bench/RESULTS.md.
  { ...node, minifyWhitespace: !production, entryPoints: { typesetWorker: 'src/node/workers/typesetWorker.ts' }, outdir: 'dist' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'src/webview/index.ts' }, outdir: 'dist' },
  // VS Code loads notebook renderers as ES modules.
  {
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    entryPoints: { notebookRenderer: 'src/webview/notebook/index.ts' },
    outdir: 'dist',
  },
  // The notebook renderer's own typesetting (the core's renderer; MathJax in dist/web/typesetWorker.js),
  // loaded by the renderer as it starts, while VS Code draws the first cells: without comments and
  // indentation, as the workers, since the webview reads and compiles all of it first.
  {
    ...web,
    minifyWhitespace: !production,
    format: 'esm',
    entryPoints: { notebookPaint: 'src/browser/notebookPaint.ts' },
    outdir: 'dist',
  },
  // The web extension (package.json "browser"), for VS Code's web worker extension host: the core
  // bundled in (no lazy load: a browser has no require of a file), and its two workers as classic
  // scripts (that host starts nested workers only from blob: URLs of classic scripts).
  { ...web, format: 'cjs', entryPoints: { extension: 'src/vscode/webExtension.ts' }, outdir: 'dist/web', external: ['vscode'] },
  {
    ...web,
    minifyWhitespace: !production,
    format: 'iife',
    entryPoints: { typesetWorker: 'src/browser/workers/typesetWorker.ts', lintWorker: 'src/browser/workers/lintWorker.ts' },
    outdir: 'dist/web',
  },
  // Printing to PDF with its browser driver (puppeteer-core), loaded only when a PDF is asked for.
  { ...node, entryPoints: { pdf: 'src/node/pdf/index.ts' }, outdir: 'dist' },
];
if (tests) {
  // Unit tests import the core from source; the workers are emitted beside them so that
  // the typesetter and the lint client find them exactly as they do in dist/.
  builds.push({
    ...node,
    entryPoints: [
      ...walk('test/unit', '.test.ts'),
      { in: 'src/node/workers/typesetWorker.ts', out: 'typesetWorker' },
      { in: 'src/node/workers/lintWorker.ts', out: 'lintWorker' },
      { in: 'src/node/pdf/index.ts', out: 'pdf' },
    ],
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    external: ['vscode', 'esbuild', 'pdfjs-dist'],
  });
  builds.push({
    ...node,
    plugins: [],
    entryPoints: { mathjaxEngineEs5: 'test/unit/helpers/mathjaxEngineEs5.ts' },
    outdir: 'out/test/unit',
  });
  builds.push({
    ...node,
    entryPoints: walk('test/integration', '.ts'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  });
  // The web worker extension host's tests module (test/web/index.ts): one bundle for the browser,
  // in which the integration suites' `mocha` and `node:assert/strict` are the shims in test/web/shims.
  builds.push({
    ...web,
    format: 'cjs',
    plugins: [mathjaxFromSource, webTestShims],
    entryPoints: { index: 'test/web/index.ts' },
    outdir: 'out/test/web',
    external: ['vscode'],
  });
  // Browser tests (Chromium via playwright-core) export pages, so they get the worker beside them too.
  builds.push({
    ...node,
    entryPoints: [...walk('test/browser', '.test.ts'), { in: 'src/node/workers/typesetWorker.ts', out: 'typesetWorker' }],
    outdir: 'out/test/browser',
    outbase: 'test/browser',
    external: ['playwright-core'],
  });
}

const existing = builds.filter((b) => {
  const eps = Array.isArray(b.entryPoints) ? b.entryPoints.map((e) => (typeof e === 'string' ? e : e.in)) : Object.values(b.entryPoints);
  return eps.every((e) => {
    try {
      return statSync(e).isFile();
    } catch {
      return false;
    }
  });
});

if (watch) {
  for (const b of existing) (await esbuild.context(b)).watch();
  console.log('[esbuild] watching');
} else {
  await Promise.all(existing.map((b) => esbuild.build(b)));
}
