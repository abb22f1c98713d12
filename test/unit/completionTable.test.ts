import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

test('the completion table the build generated (esbuild.mjs runs scripts/gen-completions.mjs) is what MathJax and TEX_PACKAGES give today', () => {
  const root = resolve(__dirname, '../../..');
  const out = execFileSync(process.execPath, ['scripts/gen-completions.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.match(out, /up to date/);
});
