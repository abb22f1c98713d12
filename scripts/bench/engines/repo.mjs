// Where the repository is, and a `require` that resolves from its root (peers, dist/ bundles).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
