// Mathdown in VS Code's Node extension host (desktop, remote, Codespaces): the core is dist/core.js,
// loaded on first use; typesetting and lint run in worker threads on the scripts beside it; the
// formula cache and a file's export go through node:fs.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type * as NodeCore from '../../node/coreEntry';
import { exportToFileWith } from '../../node/exportFileWriter';
import { exportPdfWith } from '../../node/exportPdf';
import { startTypesetWorker } from '../../node/platform/startTypesetWorker';
import { exportThroughWorkspaceFs } from '../export/exportTarget';
import { EDITOR_IDLE_WORKERS, EDITOR_LINT_WORKER, type ExportPdfToFile, type ExportToUri, type Host } from './host';
import { nodeCacheStorage } from './nodeCacheStorage';
import { nodeHeap } from './nodeHeap';

export function nodeHost(context: vscode.ExtensionContext): Host {
  const dist = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', name).fsPath;
  let loaded: typeof NodeCore | undefined;
  // A computed path, so that esbuild leaves this require to run time instead of bundling the core.
  const loadCore = (): typeof NodeCore => (loaded ??= require(join(__dirname, 'core.js')) as typeof NodeCore);
  const exportToUri: ExportToUri = async (text, source, output, options) => {
    if (source.scheme !== 'file' || output.scheme !== 'file') return exportThroughWorkspaceFs(text, source, output, options);
    await mkdir(dirname(output.fsPath), { recursive: true });
    return vscode.Uri.file(await exportToFileWith(loadCore().exportHtml)(text, source.fsPath, output.fsPath, options));
  };
  const exportPdfToFile: ExportPdfToFile = async (text, source, output, { page, browserPath, onPrint, ...options }) => {
    await mkdir(dirname(output.fsPath), { recursive: true });
    const written = await exportPdfWith(loadCore().exportHtml)(text, source.fsPath, output.fsPath, {
      ...options,
      page,
      browserPath,
      ...(onPrint ? { onPrint } : {}),
    });
    return vscode.Uri.file(written);
  };
  return {
    loadCore,
    createRenderer: (parses) => {
      const workerFile = dist('typesetWorker.js');
      // Started before the core is loaded, so that the worker's own (longer) start-up overlaps it.
      const startedWorker = startTypesetWorker(workerFile);
      try {
        return new (loadCore().MathdownRenderer)({
          workerFile,
          startedWorker,
          idleWorkers: EDITOR_IDLE_WORKERS,
          ...(parses ? { parses } : {}),
        });
      } catch (err) {
        void startedWorker.worker.terminate();
        throw err;
      }
    },
    createLinter: () => new (loadCore().LintWorkerClient)(dist('lintWorker.js'), EDITOR_LINT_WORKER),
    cacheStorage: nodeCacheStorage(context.globalStorageUri.fsPath, [dist('core.js'), dist('typesetWorker.js')]),
    exportToUri,
    exportPdfToFile,
    heap: nodeHeap,
    testHooks: !!process.env['MATHDOWN_TEST'],
    openPreviewOnStart: !!process.env['MATHDOWN_OPEN_PREVIEW'],
    previewAssistiveMml: process.env['MATHDOWN_BENCH_ASSISTIVE_MML'] !== '0',
  };
}
