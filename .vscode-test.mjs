// @vscode/test-cli's configuration (`npx vscode-test`, or `npm run test:desktop`, which first checks
// that VS Code can be downloaded): the integration suites in a desktop VS Code that
// @vscode/test-electron downloads. Offline, `npm test` runs the same suites in code-server instead
// (test/e2e/runExtensionTests.mjs). The workspace is a fresh copy of the fixtures, as there.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@vscode/test-cli';

const workspace = mkdtempSync(join(tmpdir(), 'mathdown-desktop-ws-'));
cpSync(new URL('./test/fixtures/workspace', import.meta.url), workspace, { recursive: true });

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/*.test.js',
  version: process.env.VSCODE_VERSION || 'stable',
  workspaceFolder: workspace,
  launchArgs: ['--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  env: { MATHDOWN_TEST: '1' },
  mocha: { ui: 'tdd', timeout: 180_000, color: false },
});
