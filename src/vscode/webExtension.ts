// The extension's entry in VS Code's web worker extension host (package.json "browser",
// dist/web/extension.js): the same extension on the browser's platform.
import type * as vscode from 'vscode';
import { webHost } from './platform/webHost';
import { startExtension } from './startExtension';

export function activate(context: vscode.ExtensionContext): void {
  startExtension(context, webHost(context));
}

export function deactivate(): void {}
