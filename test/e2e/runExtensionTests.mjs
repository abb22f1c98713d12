#!/usr/bin/env node
// Runs the integration tests (mocha, real `vscode` API) inside the real Node extension host of
// code-server, as @vscode/test-electron does with --extensionDevelopmentPath/--extensionTestsPath.
// Headless Chromium opens the workbench; the workbench reports the result through
// window.codeAutomationExit(code) and the test output through window.codeAutomationLog.
//
//   node test/e2e/runExtensionTests.mjs [--ext .] [--tests out/test/integration/index.js]
//     [--workspace test/fixtures/workspace] [--open NAME.code-workspace] [--timeout 300] [--screenshot file.png] [--web]
// --web runs the extension in the browser's web worker extension host instead (its "browser"
// entry, dist/web/): the test profile's `remote.extensionKind` setting sends it there, and the
// tests module is the web bundle out/test/web/index.js (test/web/index.ts). VS Code's web
// workbench ignores `extensionDevelopmentKind` in the payload, so the setting is what selects it.
// --untrusted turns workspace trust on, so the folder opens in Restricted Mode, and runs the suites
// of out/test/integration/untrusted/ (test/integration/untrusted/).
// The workspace is copied to a temp folder first, so tests may edit and save its files; with
// --open, the named .code-workspace file inside it is opened instead of the folder (multi-root).
// Exit code: 0 passed, 1 failed, 3 server/browser did not start, 4 timeout.
// Env: E2E_VERBOSE=1 prints all workbench log lines; E2E_KEEP=1 keeps the temp folders.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { argv, copyToTemp, defaults, launchChromium, repoRoot, requireToolchain, startCodeServer, workbenchUrl } from './lib.mjs';

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const ext = path.resolve(argv('ext', repoRoot));
const web = process.argv.includes('--web');
const untrusted = process.argv.includes('--untrusted');
const label = web ? 'web' : untrusted ? 'untrusted' : 'integration';
const defaultTests = web
  ? 'out/test/web/index.js'
  : untrusted
    ? 'out/test/integration/untrusted/index.js'
    : 'out/test/integration/index.js';
const tests = path.resolve(argv('tests', path.join(repoRoot, defaultTests)));
const timeoutS = Number(argv('timeout', '300'));
const codeServer = argv('code-server', defaults.codeServer);
const node24 = argv('node24', defaults.node24);
// Workbench chatter that is expected offline (gallery, telemetry, AI features, sockets).
const NOISE =
  /No signed-in session|ChatModelSelection|AccountPolicyGate|AgentHost|ENOTFOUND|connection token|Creating a socket|Service Worker|grace time|additional builtin|vsda|code-server-ipc|open-vsx|Copilot|telemetry|authentication provider|GalleryExtensions|Extension host .* (started|is unresponsive|is responsive)/i;
const SUMMARY = /^(\d+) passed, (\d+) failed$/;

requireToolchain(codeServer, node24);
if (!fs.existsSync(tests)) {
  console.error(`[e2e] ${tests} not found: run \`node esbuild.mjs --tests\` first`);
  process.exit(3);
}
const workspace = copyToTemp(path.resolve(argv('workspace', path.join(repoRoot, 'test/fixtures/workspace'))));

let server,
  browser,
  code = 3,
  summary = null;
try {
  // Auto-save off, as in desktop VS Code: code-server, being VS Code for the web, saves each edited
  // file a second after the edit by default, so an edit a test makes would be saved, or not, by how
  // busy the machine is (the suites also check this setting in suiteSetup, see startClean).
  // The web worker host has no environment variables: the tests module (test/web/index.ts) reads
  // MATHDOWN_TEST_GREP from this user setting instead.
  const webSettings = {
    'remote.extensionKind': { 'mathdown.mathdown': ['web'] },
    ...(process.env.MATHDOWN_TEST_GREP ? { 'mathdownTest.grep': process.env.MATHDOWN_TEST_GREP } : {}),
  };
  const settings = { 'files.autoSave': 'off', ...(web ? webSettings : {}) };
  server = await startCodeServer({ codeServer, node24, env: { MATHDOWN_TEST: '1' }, settings, workspaceTrust: untrusted });
  console.log(`[e2e] code-server up on ${server.base} in ${server.startupMs} ms`);
  browser = await launchChromium({ executablePath: argv('chromium', defaults.chromium) });
  const page = await browser.context.newPage();
  let finish;
  const exited = new Promise((resolve) => {
    finish = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    const m = SUMMARY.exec(text.trim());
    if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
    if (process.env.E2E_VERBOSE || !NOISE.test(text)) console.log(text.replace(/^/gm, '  '));
  });
  await page.exposeFunction('codeAutomationExit', (c) => finish(c));
  // Generous: on a busy 2-core machine the workbench page alone can take a minute to load.
  const opened = argv('open') ? path.join(workspace, argv('open')) : workspace;
  await page.goto(workbenchUrl(server, { folder: opened, extensionDevelopmentPath: ext, extensionTestsPath: tests }), {
    waitUntil: 'domcontentloaded',
    timeout: 180_000,
  });
  let timer;
  const result = await Promise.race([
    exited,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutS * 1000);
    }),
  ]);
  clearTimeout(timer);
  if (argv('screenshot')) await page.screenshot({ path: argv('screenshot') }).catch(() => {});
  if (result === 'timeout') {
    code = 4;
    console.error(`[e2e] TIMEOUT after ${timeoutS} s (server log: ${server.tmp}/server.log; E2E_KEEP=1 keeps it)`);
  } else {
    code = Number(result) === 0 ? 0 : 1;
    console.log(`[e2e] extension host exited with code ${result} after ${elapsed()}`);
  }
} catch (e) {
  console.error('[e2e] error:', (e && e.stack) || e);
} finally {
  if (browser) await browser.close();
  if (server) server.cleanup();
  if (!process.env.E2E_KEEP) fs.rmSync(workspace, { recursive: true, force: true });
  if (code === 0 && !summary) {
    console.error('[e2e] the tests reported no summary line');
    code = 1;
  }
  if (summary) console.log(`${label}: ${summary.passed} passed, ${summary.failed} failed`);
  else console.log(`[e2e] no test summary; exit code ${code}`);
  setTimeout(() => process.exit(code), 800);
}
