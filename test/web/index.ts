// The tests module of VS Code's web worker extension host (out/test/web/index.js, one bundle: that
// host's require() resolves nothing but 'vscode'). Mocha's prebuilt browser build runs the web
// host's own suite and the integration suites that need no Node built-in, unchanged: their imports
// of `mocha` and `node:assert/strict` are bundled as the shims in ./shims (see esbuild.mjs).
// This host has no environment variables: MATHDOWN_TEST_GREP reaches it as the user setting
// `mathdownTest.grep` that test/e2e/runExtensionTests.mjs writes into the test profile.
import 'mocha/mocha.js';
import * as vscode from 'vscode';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number; grep?: RegExp }): void;
  run(done: (failures: number) => void): { stats?: { passes: number } };
}

export async function run(): Promise<void> {
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  // A regular expression over the full titles ("suite test"), as in the Node host's index.
  const grep = vscode.workspace.getConfiguration('mathdownTest').get<string>('grep');
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 180_000, ...(grep ? { grep: new RegExp(grep) } : {}) });
  // After setup: the suites call mocha's tdd functions as they load.
  await import('./suites');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} web host test(s) failed`));
      else resolve();
    });
  });
}
