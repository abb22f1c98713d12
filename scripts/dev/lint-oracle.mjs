#!/usr/bin/env node
// Dev tool: scores the portability rules on real Markdown documents against a renderer without
// math support (the oracle of test/unit/lintOracle.test.ts): precision, recall and every miss.
//   node scripts/dev/lint-oracle.mjs DIR|FILE… [--renderer cmark-gfm-cli|cmark-gfm|marked-gfm|commonmark.js]
// Every .md file under each DIR is read. The default renderer is the real cmark-gfm program
// (Debian: apt-get install cmark-gfm), with target gfm; commonmark.js scores target commonmark.
// Scores the portability rules MM101–MM108, then the catalogue's MM101–MM107 alone. Exit code 1
// when the precision or recall of MM101–MM108 is below 0.95, 2 on a usage error.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERERS = ['cmark-gfm-cli', 'cmark-gfm', 'marked-gfm', 'commonmark.js'];
const args = process.argv.slice(2);
const at = args.indexOf('--renderer');
const renderer = at >= 0 ? args[at + 1] : 'cmark-gfm-cli';
const paths = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
if (!paths.length || !RENDERERS.includes(renderer)) {
  console.error(`usage: node scripts/dev/lint-oracle.mjs DIR|FILE… [--renderer ${RENDERERS.join('|')}]`);
  process.exit(2);
}

const bundle = esbuild.buildSync({
  stdin: {
    contents: "export * from './lintOracleScore'; export { cmarkGfmCliVersion } from './lintOracle';",
    resolveDir: join(root, 'test/unit'),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'error',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'package.json')));
const { CATALOGUE_RULES, PORTABILITY_RULES, cmarkGfmCliVersion, describeMiss, missKey, precision, recall, scoreRules, summary } =
  module.exports;

if (renderer === 'cmark-gfm-cli' && !cmarkGfmCliVersion()) {
  console.error('cmark-gfm is not installed: sudo apt-get install --no-install-recommends cmark-gfm (or pass --renderer)');
  process.exit(2);
}

function markdownFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const p = join(path, name);
      return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith('.md') ? [p] : [];
    });
}

const docs = paths.flatMap(markdownFiles).map((file) => ({ name: relative(process.cwd(), file), text: readFileSync(file, 'utf8') }));
const target = renderer === 'commonmark.js' ? 'commonmark' : 'gfm';
const shown = renderer === 'cmark-gfm-cli' ? `the cmark-gfm program (${cmarkGfmCliVersion()})` : renderer;
const cause = (m) =>
  m.diagnostics.length
    ? `diagnostics in it: ${m.diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`).join(' | ')}`
    : 'no diagnostic in it';

const all = scoreRules(docs, target, renderer, PORTABILITY_RULES);
console.log(`${docs.length} documents, the portability rules MM101–MM108, target ${target} vs ${shown}: ${summary(all)}`);
for (const m of all.misses) console.log(`  ${describeMiss(m, cause(m))}`);

const catalogue = scoreRules(docs, target, renderer, CATALOGUE_RULES);
const known = new Set(all.misses.map(missKey));
const extra = catalogue.misses.filter((m) => !known.has(missKey(m)));
console.log(`the catalogue's MM101–MM107 without MM108: ${summary(catalogue)}; ${extra.length} more misses:`);
for (const m of extra) console.log(`  ${describeMiss(m, cause(m))}`);

process.exit(precision(all) >= 0.95 && recall(all) >= 0.95 ? 0 : 1);
