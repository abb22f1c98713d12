// Composition root of the VS Code extension: every service is created here once and every
// disposable goes into context.subscriptions. Activation stays cheap: the renderer (and its
// typesetting worker) is created on first use.
import * as vscode from 'vscode';
import { registerAuthoring } from './authoring';
import { registerCacheCommands } from './cacheCommands';
import { registerExportCommand } from './export/exportCommand';
import { registerLint } from './lint';
import { LazyRenderer } from './preview/lazyRenderer';
import { openPreviewOnStart } from './preview/openPreviewOnStart';
import { registerPreviewCommands } from './preview/previewCommands';
import { PreviewManager } from './preview/previewManager';
import { Settings } from './settings/settings';
import { TypesetCacheStore } from './typesetCacheStore';

export function activate(context: vscode.ExtensionContext): void {
  const dist = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', name).fsPath;
  const store = new TypesetCacheStore(context.globalStorageUri.fsPath, [dist('core.js'), dist('typesetWorker.js')]);
  const settings = new Settings();
  const renderer = new LazyRenderer(dist('typesetWorker.js'), store, () => settings.for().preview.persistentCache);
  const previews = new PreviewManager({ extensionUri: context.extensionUri, renderer: () => renderer.get(), settings });
  context.subscriptions.push(settings, renderer, previews, ...registerPreviewCommands(previews), openPreviewOnStart(previews), ...registerCacheCommands(renderer, previews));
  registerAuthoring(context, { renderer: () => renderer.get(), mathOptions: (document) => settings.for(document?.uri).core.math });
  context.subscriptions.push(registerExportCommand(() => renderer.get(), settings, () => previews.activePreview?.uri));
  registerLint(context, { renderer: () => renderer.get(), lintWorkerFile: dist('lintWorker.js'), settings });
}

export function deactivate(): void {}
