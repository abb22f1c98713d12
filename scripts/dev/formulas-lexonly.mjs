#!/usr/bin/env node
// Dev tool: prints one JSON line {"tex","display","delimiter","line","column"} per formula that
// parseMarkdown finds in FILE (lexing only, no typesetting). Used to score the scanner against the
// pandoc oracle of the shared corpus:
//   node /work/shared/corpus/compare.mjs --loose-space -- node scripts/dev/formulas-lexonly.mjs {}
// Options: --delimiters=dollars,brackets,...  --double-dollar=inline  --refs (also print \ref/\eqref).
// When a MANIFEST.tsv beside FILE gives the file a pandoc format with tex_math_double_backslash,
// the double-backslash family is switched on for it, as the oracle does.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/dev/formulas-lexonly.mjs [--delimiters=a,b] [--double-dollar=inline] [--refs] FILE');
  process.exit(2);
}
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

const bundle = esbuild.buildSync({
  entryPoints: [join(root, 'src/core/markdown/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'error',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'package.json')));
const { parseMarkdown } = module.exports;

const delimiters = option('delimiters')?.split(',') ?? ['dollars', 'brackets', 'environments', 'gfm'];
const manifest = join(dirname(file), 'MANIFEST.tsv');
if (existsSync(manifest)) {
  const row = readFileSync(manifest, 'utf8')
    .split('\n')
    .find((l) => l.split('\t')[0] === basename(file));
  if (row?.includes('tex_math_double_backslash') && !delimiters.includes('double-backslash')) delimiters.push('double-backslash');
}
const doc = parseMarkdown(readFileSync(file, 'utf8'), { delimiters, doubleDollarInText: option('double-dollar') ?? 'display' });
const out = doc.formulas
  .filter((f) => f.delimiter !== 'ref' || args.includes('--refs'))
  .map((f) => JSON.stringify({ tex: f.tex, display: f.display, delimiter: f.delimiter, line: f.line, column: f.column }));
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
