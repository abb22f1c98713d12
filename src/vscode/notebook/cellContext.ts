// A notebook's Markdown cell is a text document of its own (scheme `vscode-notebook-cell`), but its
// math reads as part of the notebook: the macros of the cells before it apply, and its references
// may name labels of other cells. Lint, completion and hover take that context from here.
import * as vscode from 'vscode';
import type { Formula, MathOptions } from '../../core';
import { core } from '../core';

export interface CellContext {
  /** Macros defined (`\newcommand`, `\def`, `\DeclareMathOperator`) in the Markdown cells before this one. */
  macros: Record<string, readonly [string, number]>;
  /** Labels defined in the notebook's other Markdown cells. */
  labels: ReadonlySet<string>;
}

/** `formulasOf(document)`: the formulas of a cell, from the parse it shares with the renderer. */
export function cellContext(
  document: vscode.TextDocument,
  formulasOf: (cell: vscode.TextDocument) => readonly Formula[],
): CellContext | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === document));
  if (!notebook) return undefined;
  const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup && c.document.languageId === 'markdown');
  const at = cells.findIndex((c) => c.document === document);
  const macros: Record<string, readonly [string, number]> = {};
  const labels = new Set<string>();
  cells.forEach((cell, i) => {
    if (i === at) return;
    const formulas = formulasOf(cell.document);
    if (i < at) {
      for (const m of core().userMacros(formulas, {})) if (!m.environment) macros[m.name] = [m.definition, m.args];
    }
    for (const l of core().equationLabels(formulas)) labels.add(l.key);
  });
  return { macros, labels };
}

/** The math options of a cell: the earlier cells' macros first, the settings' over them. */
export function withCellMacros(math: MathOptions, context: CellContext | undefined): MathOptions {
  return context ? { ...math, macros: { ...context.macros, ...math.macros } } : math;
}

const UNKNOWN_LABEL = /^\\(?:eq)?ref\{([^{}]*)\} refers to a label that no formula defines/;

/** Drops "unknown label" reports for labels another cell of the notebook defines. */
export function knownInNotebook(context: CellContext | undefined): (d: { rule: string; message: string }) => boolean {
  if (!context) return () => true;
  return (d) => {
    if (d.rule !== 'MM302') return true;
    const m = UNKNOWN_LABEL.exec(d.message);
    return !(m && context.labels.has(m[1]!));
  };
}
