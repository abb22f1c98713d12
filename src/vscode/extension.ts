// Composition root of the VS Code extension: every service is created here once and every
// disposable goes into context.subscriptions. Activation stays cheap: the renderer (and its
// typesetting worker) is created on first use.
import * as vscode from 'vscode';
import { registerAuthoring } from './authoring';
import { registerCacheCommands } from './cacheCommands';
import { readConfig } from './config';
import { DocumentParses } from './documentParses';
import { registerExportCommand } from './export/exportCommand';
import { registerLint } from './lint';
import { LazyRenderer } from './preview/lazyRenderer';
import { openPreviewOnStart } from './preview/openPreviewOnStart';
import { registerPreviewCommands } from './preview/previewCommands';
import { PreviewManager } from './preview/previewManager';
import { TypesetCacheStore } from './typesetCacheStore';

export function activate(context: vscode.ExtensionContext): void {
  const dist = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', name).fsPath;
  const store = new TypesetCacheStore(context.globalStorageUri.fsPath, [dist('core.js'), dist('typesetWorker.js')]);
  // Each document version is parsed once, for the preview, lint and completion/hover alike.
  const parses = new DocumentParses();
  const renderer = new LazyRenderer(dist('typesetWorker.js'), store, () => readConfig().preview.persistentCache, () => parses.get());
  const previews = new PreviewManager({ extensionUri: context.extensionUri, renderer: () => renderer.get() });
  context.subscriptions.push(parses, renderer, previews, ...registerPreviewCommands(previews), openPreviewOnStart(previews), ...registerCacheCommands(renderer, previews));
  registerAuthoring(context, { renderer: () => renderer.get(), parses: () => parses.get(), mathOptions: (document) => readConfig(document?.uri).math });
  context.subscriptions.push(registerExportCommand(() => renderer.get(), () => previews.activePreview?.uri));
  registerLint(context, { renderer: () => renderer.get(), parses: () => parses.get(), lintWorkerFile: dist('lintWorker.js') });
}

export function deactivate(): void {}
