// `npm start` sets MATHDOWN_OPEN_PREVIEW so that the showcase opens with its preview beside it
// (Host.openPreviewOnStart; the caller registers this only then).
import * as vscode from 'vscode';
import type { PreviewManager } from './previewManager';

export function openPreviewOnStart(manager: PreviewManager): vscode.Disposable {
  const tryOpen = (editor: vscode.TextEditor | undefined): boolean => {
    if (editor?.document.languageId !== 'markdown') return false;
    manager.open(editor.document.uri, true);
    return true;
  };
  if (tryOpen(vscode.window.activeTextEditor)) return new vscode.Disposable(() => {});
  const listener = vscode.window.onDidChangeActiveTextEditor((e) => {
    if (tryOpen(e)) listener.dispose();
  });
  return listener;
}
