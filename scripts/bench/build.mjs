// Runs `node esbuild.mjs` when a dist/ bundle the benchmark needs is missing or older than src/,
// and snapshots the bundles, so that every round measures the same build even if dist/ changes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './engines/repo.mjs';

const BUNDLES = ['dist/core.js', 'dist/typesetWorker.js', 'dist/startTypesetWorker.js', 'dist/extension.js', 'dist/cli.js', 'dist/lintWorker.js'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Returns { built, ok, message }; a failed build leaves the existing bundles in place. */
export function buildIfNeeded({ force = false } = {}) {
  const mtimes = BUNDLES.map((b) => { try { return fs.statSync(path.join(repoRoot, b)).mtimeMs; } catch { return 0; } });
  const stale = force || Math.min(...mtimes) < newestMtime(path.join(repoRoot, 'src'));
  if (!stale) return { built: false, ok: true, message: 'dist/ is up to date' };
  const run = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status === 0) return { built: true, ok: true, message: 'built dist/ with esbuild.mjs' };
  const firstError = (run.stderr || run.stdout).split('\n').find((l) => /ERROR/.test(l)) ?? `exit ${run.status}`;
  const have = BUNDLES.filter((_, i) => mtimes[i]).join(', ') || 'none';
  return { built: false, ok: false, message: `esbuild.mjs failed (${firstError.trim()}); measured the existing bundles (${have})` };
}

/** Copies the bundles into `dir` (one build for the whole run); returns `dir`. */
export function snapshotDist(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const b of BUNDLES) {
    const from = path.join(repoRoot, b);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, path.basename(b)));
  }
  return dir;
}

/** The commit measured, and how many files under src/ differ from it. */
export function sourceVersion() {
  const git = (...args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length;
  return `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${dirty ? ` + ${dirty} uncommitted file(s) under src/` : ''}`;
}
