import type * as vscode from 'vscode';
import type { MathDocument } from '../../core/authoring';
import { core } from '../core';
import type { MathOptions, ParseCache } from '../../core';

/** The formulas of a document's current version, from the parse the preview and lint share (keyed by its URI). */
export class MathDocuments {
  constructor(private readonly parses: () => ParseCache) {}

  get(document: vscode.TextDocument, math: MathOptions): MathDocument {
    return core().mathDocumentOf(this.parses().parse(document.getText(), math, document.uri.toString()), math);
  }
}
