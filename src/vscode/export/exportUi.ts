// What the export command shows and opens, as one small interface: VS Code's own functions in
// use, answers given by the integration tests through a test-only command (see exportCommand).
import * as vscode from 'vscode';

export interface ExportUi {
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string): Thenable<unknown>;
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  withProgress<R>(
    options: vscode.ProgressOptions,
    task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
  ): Thenable<R>;
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  revealFileInOS(uri: vscode.Uri): Thenable<unknown>;
}

export const windowUi: ExportUi = {
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  // Modal, so that it pops up over the editor rather than waiting in the notification centre.
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, { modal: true }, ...items),
  showErrorMessage: (message) => vscode.window.showErrorMessage(message),
  showSaveDialog: (options) => vscode.window.showSaveDialog(options),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
  openExternal: (uri) => vscode.env.openExternal(uri),
  revealFileInOS: (uri) => vscode.commands.executeCommand('revealFileInOS', uri),
};
