// Equations as symbols: Go to Definition, Find All References and Rename for labels, the outline of
// equations and workspace symbol search, all from the label index of each document's one parse.
import * as vscode from 'vscode';
import type { MathOptions, ParseCache } from '../../core';
import { LabelDocuments } from './documentLabels';
import { EquationSymbolProvider, LabelWorkspaceSymbolProvider } from './equationSymbols';
import { LabelDefinitionProvider, LabelReferenceProvider, LabelRenameProvider } from './labelNavigation';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function registerLabels(
  context: vscode.ExtensionContext,
  deps: { parses: () => ParseCache; mathOptions: (document?: vscode.TextDocument) => MathOptions },
): void {
  const labels = new LabelDocuments(deps.parses, deps.mathOptions);
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(MARKDOWN, new LabelDefinitionProvider(labels)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new LabelReferenceProvider(labels)),
    vscode.languages.registerRenameProvider(MARKDOWN, new LabelRenameProvider(labels)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new EquationSymbolProvider(labels), EquationSymbolProvider.metadata),
    vscode.languages.registerWorkspaceSymbolProvider(new LabelWorkspaceSymbolProvider(labels)),
  );
}
