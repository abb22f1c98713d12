import type * as vscode from 'vscode';
import type { MathDocument, MathOptions, OtherLabel, ParseCache } from '../../core';
import { core } from '../core';
import type { CellContext } from '../notebook/cellContext';

/** The formulas of a document's current version, from the parse the preview and lint share (keyed by its URI). */
export class MathDocuments {
  readonly #parses: () => ParseCache;
  readonly #cellContext: (document: vscode.TextDocument) => CellContext | undefined;

  /** `cellContext`: a notebook cell's context, whose other cells' labels its references may name. */
  constructor(parses: () => ParseCache, cellContext: (document: vscode.TextDocument) => CellContext | undefined = () => undefined) {
    this.#parses = parses;
    this.#cellContext = cellContext;
  }

  get(document: vscode.TextDocument, math: MathOptions): MathDocument {
    const doc = core().mathDocumentOf(this.#parses().parse(document.getText(), math, document.uri.toString()), math);
    const context = this.#cellContext(document);
    if (!context) return doc;
    let others: OtherLabel[] | undefined;
    return {
      ...doc,
      get otherLabels() {
        return (others ??= context.otherLabels());
      },
    };
  }
}
