import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const REPO = join(__dirname, '../../..');

// `npm run bench` times activation with a stand-in for the `vscode` module (scripts/bench/fakeVscode.cjs):
// the extension's activation must get through it, or the bench's activation row is lost.
test('the built extension activates under the bench stand-in for vscode, starting no worker and loading no MathJax', () => {
  const child = spawnSync(process.execPath, [join(REPO, 'scripts/bench/activationChild.mjs')], { encoding: 'utf8', timeout: 120_000 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, `no result: exit ${child.status}\n${child.stderr}`);
  const result = JSON.parse(line.slice('RESULT '.length)) as {
    workersStarted: number;
    mathjaxModulesLoaded: number;
    subscriptions: number;
  };
  assert.equal(result.workersStarted, 0);
  assert.equal(result.mathjaxModulesLoaded, 0);
  assert.ok(result.subscriptions > 10, `${result.subscriptions} subscriptions`);
});
