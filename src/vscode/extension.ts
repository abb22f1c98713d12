// Composition root of the VS Code extension: every service is created here once and every
// disposable goes into context.subscriptions. Activation stays cheap: the renderer (and its
// typesetting worker) is created on first use.
import * as vscode from 'vscode';
import { registerAuthoring } from './authoring';
import { readConfig } from './config';
import { registerExportCommand } from './export/exportCommand';
import { registerLint } from './lint';
import { LazyRenderer } from './preview/lazyRenderer';
import { openPreviewOnStart } from './preview/openPreviewOnStart';
import { registerPreviewCommands } from './preview/previewCommands';
import { PreviewManager } from './preview/previewManager';

export function activate(context: vscode.ExtensionContext): void {
  const renderer = new LazyRenderer(vscode.Uri.joinPath(context.extensionUri, 'dist', 'typesetWorker.js').fsPath);
  const previews = new PreviewManager({ extensionUri: context.extensionUri, renderer: () => renderer.get() });
  context.subscriptions.push(renderer, previews, ...registerPreviewCommands(previews), openPreviewOnStart(previews));
  registerAuthoring(context, { renderer: () => renderer.get(), mathOptions: (document) => readConfig(document?.uri).math });
  context.subscriptions.push(registerExportCommand(() => renderer.get(), () => previews.activePreview?.uri));
  registerLint(context, { renderer: () => renderer.get() });
}

export function deactivate(): void {}
