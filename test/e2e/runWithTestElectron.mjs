#!/usr/bin/env node
// The same integration suite on a desktop VS Code through @vscode/test-electron, for a machine
// with internet access (test-electron downloads VS Code at run time, which is why it is not a
// dependency of the project; the offline runner is test/e2e/runExtensionTests.mjs).
//
//   npm install --no-save @vscode/test-electron
//   node esbuild.mjs && node esbuild.mjs --tests
//   node test/e2e/runWithTestElectron.mjs [--version stable]
// Exit code 0 when every integration test passed.
import fs from 'node:fs';
import path from 'node:path';
import { argv, copyToTemp, repoRoot } from './lib.mjs';

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed: npm install --no-save @vscode/test-electron');
  process.exit(3);
}
const workspace = copyToTemp(path.join(repoRoot, 'test/fixtures/workspace'));
try {
  await runTests({
    version: argv('version', 'stable'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { MATHDOWN_TEST: '1' },
  });
  process.exitCode = 0;
} catch (e) {
  console.error(String(e));
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
