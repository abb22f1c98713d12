import type * as vscode from 'vscode';
import type { LabelIndex, MathOptions, ParseCache, ParsedDocument } from '../../core';
import { core } from '../core';

/** A document version's parse (the one shared with the preview, lint and hover) and its label index. */
export interface DocumentLabels {
  doc: ParsedDocument;
  index: LabelIndex;
}

export class LabelDocuments {
  readonly #parses: () => ParseCache;
  readonly #mathOptions: (document?: vscode.TextDocument) => MathOptions;

  constructor(parses: () => ParseCache, mathOptions: (document?: vscode.TextDocument) => MathOptions) {
    this.#parses = parses;
    this.#mathOptions = mathOptions;
  }

  get(document: vscode.TextDocument): DocumentLabels {
    const math = this.#mathOptions(document);
    const doc = this.#parses().parse(document.getText(), math, document.uri.toString());
    return { doc, index: core().labelIndexOf(doc, math.equationNumbers) };
  }

  mathOptions(document?: vscode.TextDocument): MathOptions {
    return this.#mathOptions(document);
  }
}
