// Shared helpers of the e2e drivers: start code-server (the real VS Code server + web client) on
// 127.0.0.1 with a throw-away profile, and drive it with Debian's headless Chromium (playwright-core).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromiumFlags.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const e2eDir = process.env.E2E_DIR || path.join(repoRoot, '.e2e');

/** Value of `--name value` on the command line, or `def`. */
export function argv(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
}

export const defaults = {
  codeServer: path.join(e2eDir, 'code-server/node_modules/code-server'),
  node24: path.join(e2eDir, 'node24/node_modules/node/bin/node'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * Starts code-server without auth on 127.0.0.1 with its own user-data, extensions and XDG dirs.
 * opts: { codeServer, node24, port?, settings?, env?, workspaceTrust? }. Returns { base, authority, tmp, stop, startupMs }.
 * With `workspaceTrust`, workspace trust is on and nothing is trusted: the folder opens in Restricted Mode.
 */
export async function startCodeServer(opts) {
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mathdown-e2e-'));
  const port = opts.port || (await freePort());
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'security.workspace.trust.enabled': !!opts.workspaceTrust,
        'window.commandCenter': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...(opts.settings || {}),
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  const args = [
    path.join(opts.codeServer, 'out/node/entry.js'),
    '--config',
    path.join(tmp, 'config.yaml'),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    path.join(tmp, 'extensions'),
    '--ignore-last-opened',
    // Without the smoke-test driver the built web client ignores the `payload` URL parameter
    // (extensionDevelopmentPath / extensionTestsPath).
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const log = fs.openSync(path.join(tmp, 'server.log'), 'a');
  const proc = spawn(opts.node24, args, {
    stdio: ['ignore', log, log],
    detached: true, // own process group, so that stop() also ends the extension host and pty host
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), ...(opts.env || {}) },
  });
  let exited = false;
  proc.on('exit', () => {
    exited = true;
  });
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 600 && !up && !exited; i++) {
    try {
      up = (await fetch(`${base}/healthz`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stop = () => {
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const cleanup = () => {
    stop();
    if (process.env.E2E_KEEP) console.log(`[e2e] kept ${tmp}`);
    else setTimeout(() => fs.rmSync(tmp, { recursive: true, force: true }), 500);
  };
  if (!up) {
    stop();
    throw new Error(`code-server did not start, see ${path.join(tmp, 'server.log')}`);
  }
  return { base, port, authority: `127.0.0.1:${port}`, tmp, proc, stop, cleanup, startupMs: Date.now() - t0 };
}

/** Launches headless Chromium with a fresh profile. opts: { executablePath, colorScheme?, viewport? } */
export async function launchChromium(opts = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mathdown-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: opts.executablePath || defaults.chromium,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: opts.viewport || { width: 1400, height: 900 },
    colorScheme: opts.colorScheme || 'light',
  });
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/**
 * Workbench URL that opens `folder` and optionally loads an extension in development mode.
 * `payload`: more [name, value] pairs for the web client (e.g. ['inspect-extensions', port]).
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, payload: more = [] }) {
  const remote = (p) => `vscode-remote://${server.authority}${path.resolve(p)}`;
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(...more);
  // A .code-workspace file opens as a (multi-root) workspace, anything else as a folder.
  const open = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${server.base}/?${open}=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Checks that setup.sh has run; exits with a hint otherwise. */
export function requireToolchain(codeServer, node24) {
  for (const p of [path.join(codeServer, 'out/node/entry.js'), node24]) {
    if (!fs.existsSync(p)) {
      console.error(`[e2e] missing ${p}: run scripts/e2e/setup.sh first`);
      process.exit(3);
    }
  }
}

/** Copies a folder to a fresh temp dir, so that tests may edit and save files freely. */
export function copyToTemp(dir, prefix = 'mathdown-ws-') {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(dir, dest, { recursive: true });
  return dest;
}
