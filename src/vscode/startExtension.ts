// Composition root of the VS Code extension, the same in every host (the host's entry passes its
// platform: extension.ts for Node, webExtension.ts for the browser): every service is created here
// once and every disposable goes into context.subscriptions. Activation stays cheap: the renderer
// (and its typesetting worker) is created on first use.
import type * as vscode from 'vscode';
import { registerAuthoring } from './authoring';
import { productCommands, type CommandServices } from './commands/productCommands';
import { registerCommands } from './commands/registerCommands';
import { testCommands } from './commands/testCommands';
import { core, useCore } from './core';
import { DocumentParses } from './documentParses';
import { exportHtmlCommand, exportPdfCommand } from './export/exportCommand';
import { registerLabels } from './labels';
import { registerLint } from './lint';
import { cellContext, cellFormulas, withCellMacros } from './notebook/cellContext';
import { NotebookMath } from './notebook/notebookMath';
import type { Host } from './platform/host';
import { LazyRenderer } from './preview/lazyRenderer';
import { openPreviewOnStart } from './preview/openPreviewOnStart';
import { PreviewManager } from './preview/previewManager';
import { FirstScreens } from './schedule/firstScreens';
import { HeapRelease } from './schedule/heapRelease';
import { SecurityLevels } from './previewSecurity/securityLevels';
import { securitySelector } from './previewSecurity/securitySelector';
import { Settings } from './settings/settings';
import { TypesetCacheStore } from './typesetCacheStore';

export function startExtension(context: vscode.ExtensionContext, host: Host): void {
  useCore(host.loadCore);
  const store = new TypesetCacheStore(host.cacheStorage);
  const settings = new Settings();
  // Each document version is parsed once, for the preview, lint and completion/hover alike.
  const parses = new DocumentParses();
  const renderer = new LazyRenderer(
    () => host.createRenderer(parses.get()),
    store,
    () => settings.for().preview.persistentCache,
  );
  const securityLevels = new SecurityLevels(context.globalState);
  // After a burst of renders and lint, the host's heap gives back the pages the burst grew it by.
  const heapRelease = new HeapRelease(host.heap);
  // Lint on open waits for a preview's first screen of the same document: the screen gets the cores first.
  const firstScreens = new FirstScreens();
  const previews = new PreviewManager({
    extensionUri: context.extensionUri,
    renderer: () => renderer.get(),
    settings,
    securityLevels,
    firstScreens,
    assistiveMml: host.previewAssistiveMml,
    afterRender: heapRelease.noteWork,
  });
  context.subscriptions.push(settings, parses, renderer, securityLevels, previews, heapRelease);
  if (host.openPreviewOnStart) context.subscriptions.push(openPreviewOnStart(previews));
  const notebooks = new NotebookMath({ renderer: () => renderer.get(), settings, firstScreens, afterRender: heapRelease.noteWork });
  context.subscriptions.push(notebooks);
  // A notebook cell's context: the macros of the cells before it, the labels of the others.
  const formulasOfCell = cellFormulas(
    () => parses.get(),
    (cell) => settings.for(cell).core.math,
  );
  const contextOfCell = (document: vscode.TextDocument) => cellContext(document, formulasOfCell);
  const editorMath = registerAuthoring(context, {
    renderer: () => renderer.get(),
    parses: () => parses.get(),
    // With the document's front matter macros, as the preview renders it (the text is read only when
    // it has front matter); in a notebook cell, the earlier cells' macros under them.
    mathOptions: (document) => {
      if (!document) return settings.for().core.math;
      const math = settings.for(document).core.math;
      const own = /^\uFEFF?---[ \t]*$/.test(document.lineAt(0).text) ? core().documentMath(document.getText(), math) : math;
      return withCellMacros(own, contextOfCell(document));
    },
    cellContext: contextOfCell,
    renderMath: (document) => settings.for(document).editor.renderMath,
    onSettingsChange: settings.onDidChange,
  });
  registerLabels(context, { parses: () => parses.get(), mathOptions: (document) => settings.for(document?.uri).core.math });
  const lint = registerLint(context, {
    renderer: () => renderer.get(),
    parses: () => parses.get(),
    linter: () => host.createLinter(),
    settings,
    firstScreens,
  });
  context.subscriptions.push(lint.controller.onDidLint(heapRelease.noteWork));
  const exportHtml = exportHtmlCommand(
    () => renderer.get(),
    host.exportToUri,
    settings,
    () => previews.activePreview?.uri,
    securityLevels,
  );
  const exportPdf = exportPdfCommand(
    () => renderer.get(),
    host.exportToUri,
    host.exportPdfToFile,
    settings,
    () => previews.activePreview?.uri,
    securityLevels,
  );
  const security = securitySelector(securityLevels, () => previews.activePreview?.uri);
  const services: CommandServices = { previews, renderer, exportHtml, exportPdf, lint, security, editorMath, settings, notebooks };
  context.subscriptions.push(...registerCommands(productCommands(services)));
  if (host.testHooks) context.subscriptions.push(...registerCommands(testCommands(services)));
}
