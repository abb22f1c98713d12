import * as vscode from 'vscode';
import type { MathOptions, TexCompletion, TexCompletionKind } from '../../core';
import { core } from '../core';
import type { FormulaImages } from './formulaImages';
import type { MathDocuments } from './mathDocuments';

const KIND: Record<TexCompletionKind, vscode.CompletionItemKind> = {
  symbol: vscode.CompletionItemKind.Constant,
  delimiter: vscode.CompletionItemKind.Operator,
  command: vscode.CompletionItemKind.Function,
  macro: vscode.CompletionItemKind.Variable,
  environment: vscode.CompletionItemKind.Module,
  snippet: vscode.CompletionItemKind.Snippet,
  label: vscode.CompletionItemKind.Reference,
};

class MathCompletionItem extends vscode.CompletionItem {
  constructor(
    readonly source: TexCompletion,
    readonly math: MathOptions,
    range: vscode.Range,
  ) {
    super(source.label, KIND[source.kind]);
    this.insertText = new vscode.SnippetString(source.insertSnippet);
    this.filterText = source.filterText;
    this.sortText = source.sortText;
    this.detail = source.detail;
    this.range = range;
    if (source.documentation) this.documentation = new vscode.MarkdownString().appendCodeblock(source.documentation, 'latex');
    if (source.retrigger) this.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
  }
}

/** TeX completion inside math only: commands, environments, macros, labels and the formula snippets. */
export class MathCompletionProvider implements vscode.CompletionItemProvider<MathCompletionItem> {
  readonly #documents: MathDocuments;
  readonly #images: FormulaImages;
  readonly #mathOptions: (document?: vscode.TextDocument) => MathOptions;

  constructor(documents: MathDocuments, images: FormulaImages, mathOptions: (document?: vscode.TextDocument) => MathOptions) {
    this.#documents = documents;
    this.#images = images;
    this.#mathOptions = mathOptions;
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList<MathCompletionItem> | undefined {
    const math = this.#mathOptions(document);
    const answer = core().mathCompletionsAt(this.#documents.get(document, math), document.offsetAt(position), math.macros, math);
    if (!answer) return undefined;
    const range = new vscode.Range(document.positionAt(answer.start), document.positionAt(answer.end));
    return new vscode.CompletionList(
      answer.items.map((item) => new MathCompletionItem(item, math, range)),
      false,
    );
  }

  async resolveCompletionItem(item: MathCompletionItem, token: vscode.CancellationToken): Promise<MathCompletionItem> {
    if (!item.source.preview) return item;
    try {
      const image = await this.#images.image(item.source.preview, item.math, token);
      if (!image.uri) return item;
      const md = new vscode.MarkdownString(`![${item.source.label}](${image.uri})`);
      if (item.source.documentation) md.appendMarkdown('\n\n').appendCodeblock(item.source.documentation, 'latex');
      item.documentation = md;
    } catch {
      // A cancelled or failed preview leaves the item as it was.
    }
    return item;
  }
}
