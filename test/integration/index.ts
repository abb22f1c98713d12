// The tests module the extension host loads (`extensionTestsPath`), in the shape
// @vscode/test-electron and code-server's smoke-test driver both expect: `run()` resolves when
// every suite passed. Runs the bundled `*.test.js` files beside it with mocha (tdd UI).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 180_000, reporter: 'spec' });
  // A regular expression over the full titles ("suite test"); a plain substring works as one.
  const grep = process.env.MATHDOWN_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
