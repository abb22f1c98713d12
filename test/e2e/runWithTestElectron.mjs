#!/usr/bin/env node
// `npm run test:desktop`: the integration suites in a desktop VS Code, the conventional way:
// @vscode/test-cli with .vscode-test.mjs, on a VS Code that @vscode/test-electron downloads from
// update.code.visualstudio.com. Where that cannot be reached (these offline machines) it says so in
// one line and stops (exit 3): `npm test` runs the same suites in code-server instead.
//
//   node esbuild.mjs --tests && node test/e2e/runWithTestElectron.mjs [vscode-test options]
// Exit code: vscode-test's (0 when every test passed); 3 when VS Code cannot be downloaded.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './lib.mjs';

const UPDATE_SERVER = 'https://update.code.visualstudio.com/api/releases/stable';

async function canDownload() {
  try {
    const response = await fetch(UPDATE_SERVER, { signal: AbortSignal.timeout(15_000) });
    return response.ok;
  } catch {
    return false;
  }
}

if (!(await canDownload())) {
  console.error(
    'test:desktop: cannot download VS Code (update.code.visualstudio.com is unreachable, offline?); `npm test` runs the same suites in code-server',
  );
  process.exit(3);
}
const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/test-cli/package.json')), 'out/bin.mjs');
const run = spawnSync(process.execPath, [bin, '--config', path.join(repoRoot, '.vscode-test.mjs'), ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
