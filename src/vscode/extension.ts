// Composition root of the VS Code extension: every service is created here once and every
// disposable goes into context.subscriptions. Activation stays cheap: the renderer (and its
// typesetting worker) is created on first use.
import * as vscode from 'vscode';
import { registerAuthoring } from './authoring';
import { productCommands, type CommandServices } from './commands/productCommands';
import { registerCommands } from './commands/registerCommands';
import { testCommands } from './commands/testCommands';
import { DocumentParses } from './documentParses';
import { exportHtmlCommand, exportPdfCommand } from './export/exportCommand';
import { registerLint } from './lint';
import { LazyRenderer } from './preview/lazyRenderer';
import { openPreviewOnStart } from './preview/openPreviewOnStart';
import { PreviewManager } from './preview/previewManager';
import { SecurityLevels } from './previewSecurity/securityLevels';
import { securitySelector } from './previewSecurity/securitySelector';
import { Settings } from './settings/settings';
import { TypesetCacheStore } from './typesetCacheStore';

export function activate(context: vscode.ExtensionContext): void {
  const dist = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', name).fsPath;
  const store = new TypesetCacheStore(context.globalStorageUri.fsPath, [dist('core.js'), dist('typesetWorker.js')]);
  const settings = new Settings();
  // Each document version is parsed once, for the preview, lint and completion/hover alike.
  const parses = new DocumentParses();
  const renderer = new LazyRenderer(
    dist('typesetWorker.js'),
    store,
    () => settings.for().preview.persistentCache,
    () => parses.get(),
  );
  const securityLevels = new SecurityLevels(context.globalState);
  const previews = new PreviewManager({ extensionUri: context.extensionUri, renderer: () => renderer.get(), settings, securityLevels });
  context.subscriptions.push(settings, parses, renderer, securityLevels, previews, openPreviewOnStart(previews));
  registerAuthoring(context, {
    renderer: () => renderer.get(),
    parses: () => parses.get(),
    mathOptions: (document) => settings.for(document?.uri).core.math,
  });
  const lint = registerLint(context, {
    renderer: () => renderer.get(),
    parses: () => parses.get(),
    lintWorkerFile: dist('lintWorker.js'),
    settings,
  });
  const exportHtml = exportHtmlCommand(
    () => renderer.get(),
    settings,
    () => previews.activePreview?.uri,
    securityLevels,
  );
  const exportPdf = exportPdfCommand(
    () => renderer.get(),
    settings,
    () => previews.activePreview?.uri,
    securityLevels,
  );
  const security = securitySelector(securityLevels, () => previews.activePreview?.uri);
  const services: CommandServices = { previews, renderer, exportHtml, exportPdf, lint, security };
  context.subscriptions.push(...registerCommands(productCommands(services)));
  if (process.env['MATHDOWN_TEST']) context.subscriptions.push(...registerCommands(testCommands(services)));
}

export function deactivate(): void {}
