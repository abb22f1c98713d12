// Mathdown in the browser's web worker extension host (vscode.dev, github.dev, code-server's
// browser side): the core is bundled into the extension; typesetting and lint run in Web Workers,
// started from `blob:` URLs of the extension's own worker scripts (the only kind of nested worker
// that host lets start); the formula cache and every export go through vscode.workspace.fs.
import * as vscode from 'vscode';
import * as browserCore from '../../browser/coreEntry';
import { exportThroughWorkspaceFs } from '../export/exportTarget';
import { EDITOR_IDLE_WORKERS, EDITOR_LINT_WORKER, type Host } from './host';
import { workspaceCacheStorage } from './workspaceCacheStorage';

export function webHost(context: vscode.ExtensionContext): Host {
  const file = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', name);
  const bytes = new Map<string, Promise<Uint8Array>>();
  const read = (name: string): Promise<Uint8Array> => {
    let b = bytes.get(name);
    if (!b) bytes.set(name, (b = Promise.resolve(vscode.workspace.fs.readFile(file(name)))));
    return b;
  };
  const urls = new Map<string, Promise<string>>();
  const scriptUrl = (name: string): Promise<string> => {
    let url = urls.get(name);
    if (!url) urls.set(name, (url = read(name).then(browserCore.scriptBlobUrl)));
    return url;
  };
  const starter = <Send, Receive>(name: string) => browserCore.webWorkerStarter<Send, Receive>(scriptUrl(name), file(name).toString());
  return {
    loadCore: () => browserCore,
    createRenderer: (parses) =>
      new browserCore.MathdownRenderer({
        worker: starter('typesetWorker.js'),
        idleWorkers: EDITOR_IDLE_WORKERS,
        ...(parses ? { parses } : {}),
      }),
    createLinter: () => new browserCore.LintWorkerClient(starter('lintWorker.js'), EDITOR_LINT_WORKER),
    cacheStorage: workspaceCacheStorage(context.globalStorageUri, async () => {
      // The code that typesets is the extension bundle (the core) and the typesetting worker's.
      const [extension, worker] = await Promise.all([read('extension.js'), read('typesetWorker.js')]);
      const both = new Uint8Array(extension.length + worker.length);
      both.set(extension);
      both.set(worker, extension.length);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', both));
      return Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join('');
    }),
    exportToUri: exportThroughWorkspaceFs,
    testHooks: context.extensionMode === vscode.ExtensionMode.Test,
    openPreviewOnStart: false,
    previewAssistiveMml: true,
  };
}
