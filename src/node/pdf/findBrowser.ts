// Which Chromium-family browser prints the PDF: the one the user named, else the first of Chrome,
// Chromium, Edge and Brave found where their installers put them (Linux: the PATH and the usual
// folders; macOS: /Applications and ~/Applications; Windows: Program Files and the user's AppData).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** No browser to print with; the message says what to install or set. */
export class BrowserNotFound extends Error {
  override name = 'BrowserNotFound';
}

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** True when `path` is a file this process may run. */
  runnable(path: string): boolean;
}

const LINUX_NAMES = [
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
];
const LINUX_FOLDERS = ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome', '/opt/microsoft/msedge'];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Brave Browser.app/Contents/MacOS/Brave Browser',
];
const WINDOWS_APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
];

/** Every place looked at, in order of preference. */
export function browserCandidates(search: Omit<BrowserSearch, 'runnable'>): string[] {
  const { platform, env } = search;
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => `${root.replace(/\\$/, '')}\\${app}`));
  }
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env['HOME'] ? [join(env['HOME'], 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => join(root, app)));
  }
  const folders = [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), ...LINUX_FOLDERS];
  return LINUX_NAMES.flatMap((name) => [...new Set(folders)].map((folder) => join(folder, name)));
}

function installHint(platform: NodeJS.Platform): string {
  if (platform === 'linux') return 'install Chromium or Google Chrome (e.g. `sudo apt install chromium`)';
  return 'install Google Chrome, Chromium or Microsoft Edge';
}

/**
 * The browser to print with: `configured` when given (it must exist and be runnable), else the
 * first candidate found. Throws BrowserNotFound with what to install or set.
 */
export function findBrowser(configured: string | undefined, search: BrowserSearch = nodeSearch()): string {
  const named = configured?.trim();
  if (named) {
    if (search.runnable(named)) return named;
    throw new BrowserNotFound(
      `no browser at ${named} (mathdown.export.browserPath, or --browser): set it to the program file of Chrome, Chromium or Edge, or leave it empty to find one`,
    );
  }
  const found = browserCandidates(search).find((path) => search.runnable(path));
  if (found) return found;
  throw new BrowserNotFound(
    `printing a PDF needs Chrome, Chromium or Edge, and none was found: ${installHint(search.platform)}, or set mathdown.export.browserPath (--browser in the CLI) to one`,
  );
}

export function nodeSearch(): BrowserSearch {
  return {
    platform: process.platform,
    env: process.env,
    runnable: (path) => {
      try {
        if (!statSync(path).isFile()) return false;
        accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
