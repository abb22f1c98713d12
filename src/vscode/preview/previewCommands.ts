// The handlers of the preview's commands (category "Mathdown"); registered through the command table.
import * as vscode from 'vscode';
import type { PreviewManager } from './previewManager';

export interface PreviewCommands {
  open(uri?: unknown): void;
  openToSide(uri?: unknown): void;
  toggleLock(): void;
  refresh(): void;
}

export function previewCommands(manager: PreviewManager): PreviewCommands {
  const open = (toSide: boolean) => (uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : currentMarkdown(manager);
    if (!target) {
      void vscode.window.showInformationMessage('Mathdown: open a Markdown file to preview it.');
      return;
    }
    manager.open(target, toSide);
  };
  return {
    open: open(false),
    openToSide: open(true),
    toggleLock: () => manager.toggleLock(),
    refresh: () => manager.refreshAll(true),
  };
}

function currentMarkdown(manager: PreviewManager): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'markdown') return doc.uri;
  return manager.activePreview?.uri;
}
