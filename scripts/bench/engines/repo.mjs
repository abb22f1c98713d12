// Where the repository is, a `require` that resolves from its root (peers), and where the Mathdown
// bundles are (run.mjs points MATHDOWN_BENCH_DIST at its snapshot of dist/).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
export const distDir = process.env.MATHDOWN_BENCH_DIST || path.join(repoRoot, 'dist');
