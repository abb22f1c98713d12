#!/usr/bin/env node
// Dev tool (opt-in): scores `mathdown formulas` against the pandoc oracle of a corpus folder holding
// real documents, oracle.json, MANIFEST.tsv and compare.mjs (the shared corpus, not part of this
// repository; see docs/corpus.md).
//   node scripts/dev/corpus.mjs [CORPUS_DIR]     default: ../shared/corpus beside the repository
// Needs dist/cli.js (node esbuild.mjs). Runs compare.mjs four times, strict and with --loose-space,
// with the default settings and with the delimiters the oracle was made with (double-backslash on
// for the files whose pandoc format has tex_math_double_backslash), and prints each TOTAL line.
// Internal: `corpus.mjs --as-oracle CONFIG_DIR FILE` prints FILE's formulas with the oracle's delimiters.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(import.meta.url);
const root = join(dirname(script), '..', '..');
const cli = join(root, 'dist', 'cli.js');
const DEFAULTS = 'defaults.json';
const DOUBLE_BACKSLASH = 'double-backslash.json';

const args = process.argv.slice(2);
if (args[0] === '--as-oracle') printAsOracle(args[1], args[2]);
else score(resolve(args[0] ?? join(root, '..', 'shared', 'corpus')));

function score(corpus) {
  if (!existsSync(join(corpus, 'compare.mjs')) || !existsSync(join(corpus, 'oracle.json'))) {
    fail(`no corpus at ${corpus} (it needs compare.mjs and oracle.json); pass its folder: node scripts/dev/corpus.mjs DIR`);
  }
  if (!existsSync(cli)) fail(`${cli} is missing; build first: node esbuild.mjs`);
  const configs = mkdtempSync(join(tmpdir(), 'mathdown-corpus-'));
  try {
    writeFileSync(join(configs, DEFAULTS), '{}\n');
    writeFileSync(
      join(configs, DOUBLE_BACKSLASH),
      JSON.stringify({ 'math.delimiters': ['dollars', 'brackets', 'environments', 'gfm', 'double-backslash'] }) + '\n',
    );
    const commands = {
      'default settings': [process.execPath, cli, 'formulas', '--config', join(configs, DEFAULTS), '{}'],
      "oracle's delimiters": [process.execPath, script, '--as-oracle', configs, '{}'],
    };
    for (const [settings, command] of Object.entries(commands)) {
      for (const loose of [false, true]) {
        const label = `${settings}, ${loose ? '--loose-space' : 'strict'}`;
        const r = spawnSync(process.execPath, [join(corpus, 'compare.mjs'), ...(loose ? ['--loose-space'] : []), '--', ...command], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        const lines = r.stdout.split('\n');
        const total = lines.find((l) => l.startsWith('TOTAL'));
        if (r.status === 2 || !total) fail(`compare.mjs failed (${label}): ${r.stderr.trim() || `exit ${r.status}`}`);
        const at = lines[0].indexOf('  oracle');
        console.log(`${label}\n${lines[0].slice(at)}\n${total.slice(at)}`);
      }
    }
  } finally {
    rmSync(configs, { recursive: true, force: true });
  }
}

function printAsOracle(configs, file) {
  const manifest = join(dirname(file), 'MANIFEST.tsv');
  const row = existsSync(manifest)
    ? readFileSync(manifest, 'utf8')
        .split('\n')
        .find((l) => l.split('\t')[0] === basename(file))
    : undefined;
  const config = row?.includes('tex_math_double_backslash') ? DOUBLE_BACKSLASH : DEFAULTS;
  const r = spawnSync(process.execPath, [cli, 'formulas', '--config', join(configs, config), file], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}

function fail(message) {
  console.error(`corpus: ${message}`);
  process.exit(2);
}
