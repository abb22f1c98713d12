// The VS Code layer reaches the core through its public entry (src/core/index.ts) only, and only for
// types: at run time the core is dist/core.js, loaded on first use by src/vscode/core.ts, so a value
// import would bundle a second copy of it into the extension and load it at activation.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const CORE = join(ROOT, 'src/core');

/** Imports below the entry that are allowed for now, and why. */
const DEEP_ALLOWED: Record<string, string> = {};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('src/vscode imports the core through src/core/index.ts, as types', () => {
  let seen = 0;
  for (const file of walk(join(ROOT, 'src/vscode'))) {
    const rel = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const target = resolve(dirname(file), m[3]!);
      if (!m[3]!.startsWith('.') || (target !== CORE && !target.startsWith(CORE + '/'))) continue;
      seen++;
      const edge = `${rel} → ${relative(ROOT, target)}`;
      if (DEEP_ALLOWED[edge]) continue;
      assert.equal(target, CORE, `${edge}: import the core's public entry (src/core/index.ts) instead`);
      assert.ok(m[2], `${edge}: a value import of the core; use \`import type\` and core() for values`);
    }
  }
  assert.ok(seen > 10, `only ${seen} core imports found: the scan is broken`);
});
