// Target 5 in a fresh process: time `require(dist/extension.js)` + `activate(context)` with a fake
// `vscode` module, and check that activation started no worker and loaded no MathJax.
//   node activationChild.mjs   → prints `RESULT {json}`
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import workerThreads from 'node:worker_threads';
import { distDir, repoRoot } from './engines/repo.mjs';

const require = createRequire(import.meta.url);
const fakeVscode = require.resolve('./fakeVscode.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fakeVscode : resolve.call(this, request, ...rest);
};
let workers = 0;
const RealWorker = workerThreads.Worker;
workerThreads.Worker = class extends RealWorker {
  constructor(...args) { workers++; super(...args); }
};
const vscode = require('./fakeVscode.cjs');

const extensionFile = path.join(distDir, 'extension.js');
const context = {
  subscriptions: [],
  extensionUri: vscode.Uri.file(repoRoot),
  extensionPath: repoRoot,
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  asAbsolutePath: (p) => path.join(repoRoot, p),
  extensionMode: 1,
  logUri: vscode.Uri.file('/tmp'),
  storageUri: undefined,
  globalStorageUri: vscode.Uri.file('/tmp'),
};

const result = {};
try {
  const t0 = performance.now();
  const extension = require(extensionFile);
  const t1 = performance.now();
  await extension.activate(context);
  const t2 = performance.now();
  result.requireMs = t1 - t0;
  result.activateMs = t2 - t1;
  result.totalMs = t2 - t0;
  result.workersStarted = workers;
  result.subscriptions = context.subscriptions.length;
  result.mathjaxModulesLoaded = Object.keys(require.cache).filter((f) => f.includes('mathjax')).length;
  const bundle = fs.readFileSync(extensionFile, 'utf8');
  result.bundleKB = bundle.length / 1024;
  // Class names that only MathJax's TeX parser and SVG output define.
  result.mathjaxInBundle = /\bTexParser\b|\bSvgWrapper\b|\bMmlMo\b/.test(bundle);
} catch (e) {
  result.error = String(e?.stack ?? e);
}
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
