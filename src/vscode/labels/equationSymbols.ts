import * as vscode from 'vscode';
import type { Formula, LabelIndex, MathOptions, OutlineNode } from '../../core';
import { core } from '../core';
import type { LabelDocuments } from './documentLabels';

/**
 * The Outline and breadcrumbs: numbered and labelled equations, with their number and a short text
 * of the formula, under the headings that hold them. VS Code shows each provider's symbols as a
 * group of their own beside the Markdown outline, so the headings are repeated here only where an
 * equation sits below them.
 */
export class EquationSymbolProvider implements vscode.DocumentSymbolProvider {
  static readonly metadata: vscode.DocumentSymbolProviderMetadata = { label: 'Equations' };

  constructor(readonly labels: LabelDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const { doc, index } = this.labels.get(document);
    return core()
      .equationOutline(doc, index, core().headingsOf(doc))
      .map((n) => toSymbol(document, n));
  }
}

function toSymbol(document: vscode.TextDocument, n: OutlineNode): vscode.DocumentSymbol {
  const at = (offset: number) => document.positionAt(offset);
  const symbol = new vscode.DocumentSymbol(
    n.name,
    n.detail,
    n.kind === 'heading' ? vscode.SymbolKind.String : vscode.SymbolKind.Number,
    new vscode.Range(at(n.offset), at(n.endOffset)),
    new vscode.Range(at(n.selectionOffset), at(n.selectionEndOffset)),
  );
  symbol.children = n.children.map((c) => toSymbol(document, c));
  return symbol;
}

const MAX_FILES = 500;

/**
 * Workspace symbol search (`#`) finds labels: in the open Markdown documents (their current text)
 * and in the workspace's other Markdown files (read from disk, parsed once per modification).
 */
export class LabelWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  readonly #files = new Map<string, { mtime: number; labels: FileLabel[] }>();

  constructor(readonly labels: LabelDocuments) {}

  async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    const wanted = query.toLowerCase();
    const out: vscode.SymbolInformation[] = [];
    const seen = new Set<string>();
    const add = (uri: vscode.Uri, found: readonly FileLabel[], document?: vscode.TextDocument) => {
      for (const l of found) {
        if (wanted && !fuzzy(l.key.toLowerCase(), wanted)) continue;
        const range = document
          ? new vscode.Range(document.positionAt(l.offset), document.positionAt(l.endOffset))
          : new vscode.Range(l.line, l.column, l.line, l.column + l.key.length);
        out.push(
          new vscode.SymbolInformation(
            l.number !== undefined ? `${l.key} (${l.number})` : l.key,
            vscode.SymbolKind.Key,
            l.text,
            new vscode.Location(uri, range),
          ),
        );
      }
    };
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== 'markdown' || document.uri.scheme === 'output') continue;
      seen.add(document.uri.toString());
      const { doc, index } = this.labels.get(document);
      add(document.uri, fileLabels(doc.text, doc.formulas, index), document);
    }
    const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', MAX_FILES, token);
    for (const file of files) {
      if (token.isCancellationRequested) break;
      if (seen.has(file.toString())) continue;
      const labels = await this.#fileLabels(file).catch(() => []);
      add(file, labels);
    }
    return out;
  }

  async #fileLabels(file: vscode.Uri): Promise<FileLabel[]> {
    const stat = await vscode.workspace.fs.stat(file);
    const hit = this.#files.get(file.toString());
    if (hit && hit.mtime === stat.mtime) return hit.labels;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const math: MathOptions = this.labels.mathOptions();
    const doc = core().parseMarkdown(text, math);
    const labels = fileLabels(text, doc.formulas, core().labelIndexOf(doc, math.equationNumbers));
    this.#files.set(file.toString(), { mtime: stat.mtime, labels });
    return labels;
  }
}

interface FileLabel {
  key: string;
  number?: string;
  text: string;
  offset: number;
  endOffset: number;
  /** 0-based. */
  line: number;
  column: number;
}

/** A document's labels with their line and column, counted once from the text. */
function fileLabels(text: string, formulas: readonly Formula[], index: LabelIndex): FileLabel[] {
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  return index.definitions.map((d) => {
    for (; scanned < d.offset; scanned++)
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    return {
      key: d.key,
      ...(d.number !== undefined ? { number: d.number } : {}),
      text: core().shortFormulaText(formulas[d.formulaIndex]!.tex),
      offset: d.offset,
      endOffset: d.endOffset,
      line,
      column: d.offset - lineStart,
    };
  });
}

/** VS Code's own filtering is fuzzy: the query's characters in order. */
function fuzzy(key: string, query: string): boolean {
  let i = 0;
  for (const c of key) if (c === query[i]) i++;
  return i === query.length;
}
