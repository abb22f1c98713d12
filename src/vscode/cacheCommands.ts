// "Mathdown: Clear Formula Cache", plus a test-only hook that saves the cache at once.
import * as vscode from 'vscode';
import type { LazyRenderer } from './preview/lazyRenderer';
import type { PreviewManager } from './preview/previewManager';

export function registerCacheCommands(renderer: LazyRenderer, previews: PreviewManager): vscode.Disposable[] {
  const commands = [
    vscode.commands.registerCommand('mathdown.clearFormulaCache', () => {
      renderer.clearCache();
      previews.refreshAll(true);
      void vscode.window.showInformationMessage('Mathdown: the formula cache is cleared; open previews are typeset afresh.');
    }),
  ];
  if (process.env['MATHDOWN_TEST']) commands.push(vscode.commands.registerCommand('mathdown.test.saveFormulaCache', () => renderer.saveCache()));
  return commands;
}
