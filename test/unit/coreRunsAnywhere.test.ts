// The core takes its platform through src/core/platform (workers, core count, the block-key hash)
// and runs anywhere: bundled for a browser it needs no Node built-in module, and its own code names
// no Node global. Node's side lives in src/node. (`tsc -p src/core`, without Node's types, guards
// the same at type level.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const root = join(__dirname, '../../..');
/** The core's public API, and what runs inside its typesetting and lint workers. */
const ENTRIES = ['src/core/index.ts', 'src/core/mathjax/serveTypesetting.ts', 'src/core/lint/worker/serveLint.ts'];
/** Globals that Node has and a browser or a Web Worker has not. */
const NODE_GLOBALS = [
  'process',
  'Buffer',
  '__dirname',
  '__filename',
  'require',
  'module',
  'exports',
  'global',
  'setImmediate',
  'clearImmediate',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('the core and its workers bundle for the browser with no Node built-in module', async () => {
  // esbuild resolves as a browser bundler does (package "browser" fields included) and fails on
  // every import it cannot resolve, a Node built-in among them ("Could not resolve "node:os"").
  const result = await esbuild
    .build({
      entryPoints: ENTRIES,
      absWorkingDir: root,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      outdir: 'out/core-for-browser',
      logLevel: 'silent',
    })
    .catch((err: esbuild.BuildFailure) => err);
  const problems = result.errors.map((e) => `${e.text}${e.location ? ` (${e.location.file}:${e.location.line})` : ''}`);
  assert.deepEqual(problems, [], `the browser bundle of the core needs:\n${problems.join('\n')}`);
  assert.ok('outputFiles' in result && result.outputFiles!.length === ENTRIES.length);
});

test("the core's own code uses no Node global", async () => {
  // esbuild replaces a defined name only where it is free (not a local or a parameter), so each
  // marker left in a file's output is a use of the global.
  const define = Object.fromEntries(NODE_GLOBALS.map((name) => [name, `NODE_GLOBAL_${name}`]));
  const files = sources(join(root, 'src/core'));
  assert.ok(files.length > 100, `${files.length} core files`);
  const found: string[] = [];
  for (const file of files) {
    const { code } = await esbuild.transform(readFileSync(file, 'utf8'), { loader: 'ts', define, sourcefile: file });
    const names = new Set([...code.matchAll(/NODE_GLOBAL_(\w+)/g)].map((m) => m[1]!));
    for (const name of names) found.push(`${relative(root, file)}: ${name}`);
  }
  assert.deepEqual(found, [], `Node globals in the core:\n${found.join('\n')}`);
});
