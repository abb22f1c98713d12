import * as vscode from 'vscode';
import type { LintDiagnostic, TextEdit } from '../../core';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** A core diagnostic as a VS Code one; `code` links to the rule's page in the extension's docs/rules. */
export function toDiagnostic(document: vscode.TextDocument, d: LintDiagnostic, docsFolder: vscode.Uri): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(d.offset), document.positionAt(Math.max(d.endOffset, d.offset)));
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  diagnostic.source = 'mathdown';
  diagnostic.code = { value: d.rule, target: vscode.Uri.joinPath(docsFolder, `${d.rule}.md`) };
  return diagnostic;
}

/** Core text edits (offsets into the document as linted) as a workspace edit. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits)
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.text);
  return edit;
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function wholeTextEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return { offset: start, length: before.length - start - end, text: after.slice(start, after.length - end) };
}
