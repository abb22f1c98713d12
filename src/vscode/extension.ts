// Composition root of the VS Code extension: every service is created here once and every
// disposable goes into context.subscriptions. Activation stays cheap: nothing heavy runs here.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features register here, one line each.
}

export function deactivate(): void {}
