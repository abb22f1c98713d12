import * as vscode from 'vscode';
import type { MathOptions } from '../../core';
import { core } from '../core';
import type { MathDocuments } from './mathDocuments';

/** Folding of display math and the environments in it; VS Code merges these with the Markdown folding. */
export class MathFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(
    readonly documents: MathDocuments,
    readonly mathOptions: (document?: vscode.TextDocument) => MathOptions,
  ) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const doc = this.documents.get(document, this.mathOptions(document));
    return core()
      .mathFoldingRanges(doc.text, doc.formulas)
      .map((r) => new vscode.FoldingRange(r.startLine, r.endLine, vscode.FoldingRangeKind.Region));
  }
}
