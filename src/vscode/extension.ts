// The extension's entry in VS Code's Node extension host (package.json "main", dist/extension.js).
import type * as vscode from 'vscode';
import { nodeHost } from './platform/nodeHost';
import { startExtension } from './startExtension';

export function activate(context: vscode.ExtensionContext): void {
  startExtension(context, nodeHost(context));
}

export function deactivate(): void {}
