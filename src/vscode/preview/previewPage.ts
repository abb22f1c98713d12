// The preview page for one webview: a fresh nonce, the webview's URIs for the stylesheet, the
// script and the document's folder, and the initial settings. Blocks arrive later by message.
import * as vscode from 'vscode';
import type { InitialSettings } from '../../shared/preview';
import type { SecurityLevel } from '../../shared/remoteContent';
import { freshNonce, previewShellHtml } from './previewShell';

export function previewPageHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  document: vscode.Uri,
  settings: InitialSettings,
  level: SecurityLevel,
): string {
  return previewShellHtml({
    cspSource: webview.cspSource,
    nonce: freshNonce(),
    level,
    settings,
    base: webview.asWebviewUri(vscode.Uri.joinPath(document, '..')).toString(),
    stylesheet: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css')).toString(),
    script: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
  });
}
