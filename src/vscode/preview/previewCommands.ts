// The preview's commands (category "Mathdown"), plus test-only hooks when MATHDOWN_TEST is set.
import * as vscode from 'vscode';
import type { PreviewState } from '../../shared/preview';
import type { PreviewManager } from './previewManager';
import { PREVIEW_VIEW_TYPE } from './previewPanel';

export function registerPreviewCommands(manager: PreviewManager): vscode.Disposable[] {
  const open = (toSide: boolean) => (uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? uri : currentMarkdown(manager);
    if (!target) {
      void vscode.window.showInformationMessage('Mathdown: open a Markdown file to preview it.');
      return;
    }
    manager.open(target, toSide);
  };
  const commands = [
    vscode.commands.registerCommand('mathdown.preview.open', open(false)),
    vscode.commands.registerCommand('mathdown.preview.openToSide', open(true)),
    vscode.commands.registerCommand('mathdown.preview.toggleLock', () => manager.toggleLock()),
    vscode.commands.registerCommand('mathdown.preview.refresh', () => manager.refreshAll(true)),
  ];
  if (process.env['MATHDOWN_TEST']) {
    commands.push(
      vscode.commands.registerCommand('mathdown.test.previewSnapshot', (timeoutMs?: number) => manager.snapshot(timeoutMs)),
      vscode.commands.registerCommand('mathdown.test.scrollPreview', (line: number) => manager.testUserScroll(line)),
      vscode.commands.registerCommand('mathdown.test.clickInPreview', (selector: string, event?: 'dblclick') => manager.testDispatch(selector, event ?? 'click')),
      vscode.commands.registerCommand('mathdown.test.failNextRender', () => manager.testFailNextRender()),
      vscode.commands.registerCommand('mathdown.test.revivePreview', async (state: PreviewState) => {
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Mathdown', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
        await manager.deserializeWebviewPanel(panel, state);
      }),
    );
  }
  return commands;
}

function currentMarkdown(manager: PreviewManager): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'markdown') return doc.uri;
  return manager.activePreview?.uri;
}
