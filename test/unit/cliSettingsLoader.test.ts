// A folder run reads each folder's settings once; every file still hears of their problems.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CliError } from '../../src/cli/io';
import { settingsLoader } from '../../src/cli/loadConfig';
import { nodeConfigHost } from '../../src/node/nodeConfigHost';

const root = mkdtempSync(join(tmpdir(), 'mathdown-settings-loader-'));
after(() => rmSync(root, { recursive: true, force: true }));

function countingHost(): { host: typeof nodeConfigHost; reads: string[] } {
  const reads: string[] = [];
  return { host: { ...nodeConfigHost, readText: (path) => (reads.push(path), nodeConfigHost.readText(path)) }, reads };
}

function io(): { cwd: string; out: () => void; err: (t: string) => void; said: string[] } {
  const said: string[] = [];
  return { cwd: root, out: () => undefined, err: (t) => void said.push(t), said };
}

test("one folder's settings are read once for all its files, and each file's caller hears of a bad key", async () => {
  const dir = join(root, 'site');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, '.mathdown.json'), JSON.stringify({ math: { macros: { RR: '\\mathbb{R}' } }, lint: { nonsense: 1 } }));
  const { host, reads } = countingHost();
  const load = settingsLoader(root, undefined, host);
  const callers = [io(), io(), io()];
  const [a, b, c] = await Promise.all([load(dir, callers[0]!), load(dir, callers[1]!), load(join(dir, 'sub'), callers[2]!)]);
  assert.equal(a, b, 'the same settings for the files of one folder');
  assert.equal(a!.math.macros['RR'], '\\mathbb{R}');
  assert.equal(c!.math.macros['RR'], '\\mathbb{R}', 'a sub-folder finds the settings above it');
  for (const caller of callers) assert.match(caller.said.join(''), /nonsense/, 'every file reports the bad key');
  const settingsReads = reads.filter((r) => r.endsWith('.mathdown.json'));
  assert.equal(settingsReads.filter((r) => r === join(dir, '.mathdown.json')).length, 2, 'read once for site/, once for site/sub/');
  await load(dir, io());
  await load(join(dir, 'sub'), io());
  assert.equal(reads.filter((r) => r.endsWith('.mathdown.json')).length, settingsReads.length, 'not read again');
});

test('a broken settings file fails every file below it, each with the same clear error', async () => {
  const dir = join(root, 'broken');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.mathdown.json'), '{ "math": ');
  const load = settingsLoader(root);
  for (let i = 0; i < 2; i++)
    await assert.rejects(load(dir, io()), (e: unknown) => e instanceof CliError && /config file .*\.mathdown\.json/.test(e.message));
});
