// The handler of "Mathdown: Clear Formula Cache"; registered through the command table.
import * as vscode from 'vscode';
import type { LazyRenderer } from './preview/lazyRenderer';
import type { PreviewManager } from './preview/previewManager';

export function clearFormulaCacheCommand(renderer: LazyRenderer, previews: PreviewManager): () => void {
  return () => {
    renderer.clearCache();
    previews.refreshAll(true);
    void vscode.window.showInformationMessage('Mathdown: the formula cache is cleared; open previews are typeset afresh.');
  };
}
