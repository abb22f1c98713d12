import * as vscode from 'vscode';
import { core } from '../core';
import type { MathOptions } from '../../core';
import { imageMarkdown, type FormulaImages } from './formulaImages';
import type { MathDocuments } from './mathDocuments';

/** Hover inside a formula: the formula typeset, with its TeX error; on `\eqref{…}`, the labelled equation. */
export class MathHoverProvider implements vscode.HoverProvider {
  readonly #documents: MathDocuments;
  readonly #images: FormulaImages;
  readonly #mathOptions: (document?: vscode.TextDocument) => MathOptions;

  constructor(documents: MathDocuments, images: FormulaImages, mathOptions: (document?: vscode.TextDocument) => MathOptions) {
    this.#documents = documents;
    this.#images = images;
    this.#mathOptions = mathOptions;
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const math = this.#mathOptions(document);
    const hover = core().mathHoverAt(this.#documents.get(document, math), document.offsetAt(position), math.macros);
    if (!hover) return undefined;
    const range = new vscode.Range(document.positionAt(hover.start), document.positionAt(hover.end));
    if (hover.kind === 'reference') {
      if (!hover.target)
        return new vscode.Hover(new vscode.MarkdownString().appendText(`No equation is labelled “${hover.key}” in this document.`), range);
      const image = await this.#images.image(hover.target.preview, math, token);
      const where = hover.target.where ? `${hover.target.where}, ` : '';
      return new vscode.Hover(imageMarkdown(image, `Equation “${hover.key}”, ${where}line ${hover.target.formula.line}`), range);
    }
    const image = await this.#images.image(hover.preview, math, token);
    return new vscode.Hover(imageMarkdown(image), range);
  }
}
