#!/usr/bin/env node
// Writes the benchmark documents:
//   node scripts/bench/generate.mjs [--out DIR] [--bytes N] [--seed S]
// → DIR/reference.md (~1 MB), DIR/note.md (~12 KB) and their formula lists (*.formulas.json).
import path from 'node:path';
import { DEFAULT_BENCH_DIR, DEFAULT_SEED, REFERENCE_BYTES, writeDocs } from './generateDoc.mjs';

const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const written = writeDocs(path.resolve(arg('out', DEFAULT_BENCH_DIR)), { bytes: Number(arg('bytes', REFERENCE_BYTES)), seed: Number(arg('seed', DEFAULT_SEED)) });
for (const [name, w] of Object.entries(written)) console.log(`${name}: ${w.file} (${w.bytes} bytes, ${w.count} formulas, ${w.display} display)`);
