import type * as vscode from 'vscode';
import type { MathDocument, MathOptions, ParseCache } from '../../core';
import { core } from '../core';

/** The formulas of a document's current version, from the parse the preview and lint share (keyed by its URI). */
export class MathDocuments {
  readonly #parses: () => ParseCache;

  constructor(parses: () => ParseCache) {
    this.#parses = parses;
  }

  get(document: vscode.TextDocument, math: MathOptions): MathDocument {
    return core().mathDocumentOf(this.#parses().parse(document.getText(), math, document.uri.toString()), math);
  }
}
