#!/usr/bin/env node
// `npm run bench:compare -- --base REV`: Mathdown at REV against Mathdown as it is now, in one run,
// so that a change that should not change speed (a refactor) can show it did not.
//   node scripts/bench/compare.mjs --base REV [--rounds 3] [--dir DIR]
// REV is built in a temporary git worktree (sharing this checkout's node_modules); each round runs,
// interleaved and each in a fresh process, the session (cold render, warm render, 1-character edits)
// and the cold and warm first screen of both builds on the generated 1 MB reference document.
// Prints, per measure, the medians of both and their ratio (now / base), with the spread of the
// per-round ratios, which says how much of a difference is noise on this machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded, snapshotDist, sourceVersion } from './build.mjs';
import { repoRoot } from './engines/repo.mjs';
import { environment } from './environment.mjs';
import { DEFAULT_BENCH_DIR, DEFAULT_SEED, writeDocs } from './generateDoc.mjs';
import { runChild } from './spawnChild.mjs';
import { median } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const base = arg('base');
if (!base) {
  process.stderr.write('usage: node scripts/bench/compare.mjs --base REV [--rounds 3] [--dir DIR]\n');
  process.exit(2);
}
const rounds = Number(arg('rounds', '3'));
const dir = path.resolve(arg('dir', path.join(DEFAULT_BENCH_DIR, 'compare')));
const EDIT_INDEX = 3000;
const FIRST_SCREEN = 100;
const t0 = Date.now();
const log = (m) => process.stderr.write(`[bench:compare ${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}\n`);
const git = (...args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });

function buildBase() {
  const rev = git('rev-parse', '--short', base).stdout.trim();
  if (!rev) throw new Error(`--base ${base}: not a revision of this repository`);
  const tree = path.join(dir, 'base-src');
  git('worktree', 'remove', '--force', tree);
  fs.rmSync(tree, { recursive: true, force: true });
  const add = git('worktree', 'add', '--detach', tree, rev);
  if (add.status !== 0) throw new Error(`git worktree add failed: ${add.stderr.trim()}`);
  try {
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: tree, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building ${rev} failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' | ')}`);
    const out = path.join(dir, 'base-dist');
    fs.mkdirSync(out, { recursive: true });
    for (const name of fs.readdirSync(path.join(tree, 'dist'))) {
      if (name.endsWith('.js')) fs.copyFileSync(path.join(tree, 'dist', name), path.join(out, name));
    }
    return { rev, dist: out };
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}

/** Runs one child measurement with the Mathdown bundles of `dist`. */
async function measure(dist, task, opts) {
  const before = process.env.MATHDOWN_BENCH_DIST;
  process.env.MATHDOWN_BENCH_DIST = dist;
  try {
    return await runChild(path.join(here, 'child.mjs'), ['mathdown', task, dir, JSON.stringify(opts)]);
  } finally {
    if (before === undefined) delete process.env.MATHDOWN_BENCH_DIST;
    else process.env.MATHDOWN_BENCH_DIST = before;
  }
}

const MEASURES = [
  ['cold full render (ms)', (r) => r.session.coldMs],
  ['warm full render (ms)', (r) => r.session.warmMs?.[0]],
  ['1-character edit (ms, median of the edits)', (r) => median(r.session.editMs ?? [])],
  ['peak RSS of the session (MB)', (r) => r.session.rssPeakMB],
  ['first screen, cold process (ms)', (r) => r.firstCold.ms],
  ['first screen, worker running (ms)', (r) => r.firstWarm.ms],
];

fs.mkdirSync(dir, { recursive: true });
const env = environment();
const built = buildIfNeeded();
log(built.message);
const head = { rev: sourceVersion(), dist: snapshotDist(path.join(dir, 'head-dist')) };
const old = buildBase();
log(`base ${old.rev} built; now ${head.rev}`);
writeDocs(dir, { seed: DEFAULT_SEED });
const runs = { base: [], head: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? ['head', 'base'] : ['base', 'head'];
  for (const which of order) {
    const dist = which === 'head' ? head.dist : old.dist;
    const session = await measure(dist, 'session', { warm: 1, edits: 2, editIndex: EDIT_INDEX });
    const firstCold = await measure(dist, 'firstScreen', { first: FIRST_SCREEN, warmWorker: false });
    const firstWarm = await measure(dist, 'firstScreen', { first: FIRST_SCREEN, warmWorker: true });
    for (const r of [session, firstCold, firstWarm]) if (r.error) throw new Error(`${which}: ${r.error}`);
    runs[which].push({ session, firstCold, firstWarm });
    log(`round ${round + 1}/${rounds} ${which}: cold ${Math.round(session.coldMs)} ms, edit ${session.editMs.map(Math.round).join('/')} ms, first screen ${Math.round(firstCold.ms)}/${Math.round(firstWarm.ms)} ms`);
  }
}

const fmt = (v, d = 0) => (v === undefined ? '–' : v.toFixed(d));
const lines = [
  `Mathdown ${head.rev} against ${old.rev}, ${rounds} interleaved round(s), ${env.cpus} CPUs, load ${env.load} → ${environment().load}`,
  '',
  '| measure | base | now | ratio now/base | per-round ratios |',
  '|---|---:|---:|---:|---|',
];
for (const [name, pick] of MEASURES) {
  const b = median(runs.base.map(pick));
  const h = median(runs.head.map(pick));
  const perRound = runs.head.map((r, i) => pick(r) / pick(runs.base[i]));
  lines.push(`| ${name} | ${fmt(b)} | ${fmt(h)} | ${b && h ? (h / b).toFixed(2) : '–'}× | ${perRound.map((x) => fmt(x, 2)).join(', ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
fs.writeFileSync(path.join(dir, 'compare.json'), JSON.stringify({ env, base: old.rev, head: head.rev, runs }, null, 1));
