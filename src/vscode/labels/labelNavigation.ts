import * as vscode from 'vscode';
import type { LabelSite } from '../../core';
import { core } from '../core';
import type { LabelDocuments } from './documentLabels';

const range = (document: vscode.TextDocument, s: { offset: number; endOffset: number }): vscode.Range =>
  new vscode.Range(document.positionAt(s.offset), document.positionAt(s.endOffset));

/** The label or reference under the cursor, or undefined. */
function siteAt(labels: LabelDocuments, document: vscode.TextDocument, position: vscode.Position) {
  const { index } = labels.get(document);
  const site = index.siteAt(document.offsetAt(position));
  return site ? { index, site } : undefined;
}

/** Go to Definition (and Peek) from `\eqref{…}`, `\ref{…}` or a `\label{…}` itself to the `\label{…}`. */
export class LabelDefinitionProvider implements vscode.DefinitionProvider {
  constructor(readonly labels: LabelDocuments) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.DefinitionLink[] | undefined {
    const found = siteAt(this.labels, document, position);
    if (!found) return undefined;
    const origin = range(document, found.site);
    return found.index.definitionsOf(found.site.key).map((d) => ({
      originSelectionRange: origin,
      targetUri: document.uri,
      targetRange: range(document, { offset: d.commandOffset, endOffset: d.commandEndOffset }),
      targetSelectionRange: range(document, d),
    }));
  }
}

/** Find All References of a label: its references, and its definitions when asked for the declaration too. */
export class LabelReferenceProvider implements vscode.ReferenceProvider {
  constructor(readonly labels: LabelDocuments) {}

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const found = siteAt(this.labels, document, position);
    if (!found) return undefined;
    const sites: LabelSite[] = [
      ...(context.includeDeclaration ? found.index.definitionsOf(found.site.key) : []),
      ...found.index.referencesTo(found.site.key),
    ];
    return sites.sort((a, b) => a.offset - b.offset).map((s) => new vscode.Location(document.uri, range(document, s)));
  }
}

/**
 * Rename Symbol on a label or a reference renames every definition and reference of the key in
 * the document. Labels belong to one document (MathJax numbers and resolves them per page, as
 * MM302 checks them), so other files are not touched.
 */
export class LabelRenameProvider implements vscode.RenameProvider {
  constructor(readonly labels: LabelDocuments) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const found = siteAt(this.labels, document, position);
    if (!found) throw new Error('Only a \\label, \\eqref or \\ref key can be renamed here.');
    if (!found.site.exact || !found.site.key)
      throw new Error('This label is written in a way that cannot be renamed safely; rename it by hand.');
    return { range: range(document, found.site), placeholder: found.site.key };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const found = siteAt(this.labels, document, position);
    if (!found) throw new Error('Only a \\label, \\eqref or \\ref key can be renamed here.');
    const result = core().renameLabelEdits(found.index, found.site.key, newName);
    if ('error' in result) throw new Error(result.error);
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(document.uri, range(document, { offset: e.offset, endOffset: e.offset + e.length }), e.text);
    return edit;
  }
}
