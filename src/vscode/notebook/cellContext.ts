// A notebook's Markdown cell is a text document of its own (scheme `vscode-notebook-cell`), but its
// math reads as part of the notebook: the macros of the cells before it apply, and its references
// may name labels of other cells. Lint, completion and hover take that context from here.
import * as vscode from 'vscode';
import type { Formula, MathOptions, OtherLabel, ParseCache } from '../../core';
import { core } from '../core';

export interface CellContext {
  /** Macros defined (`\newcommand`, `\def`, `\DeclareMathOperator`) in the Markdown cells before this one. */
  macros: Record<string, readonly [string, number]>;
  /** Labels defined in the notebook's Markdown cells (this one's too: a label a cell defines is never unknown in it). */
  labels: ReadonlySet<string>;
  /** The other cells' labelled equations (for `\eqref{` completion and hover), made when asked. */
  otherLabels(): OtherLabel[];
  /**
   * What the cell's diagnostics depend on besides its own text: the macros before it and which of
   * the labels it names the notebook defines. A cell whose key changed is linted again.
   */
  key: string;
}

export type FormulasOf = (cell: vscode.TextDocument) => readonly Formula[];

const REFERENCE = /\\(?:eq)?ref\s*\{([^{}]*)\}/g;

function markdownCells(notebook: vscode.NotebookDocument): vscode.NotebookCell[] {
  return notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup && c.document.languageId === 'markdown');
}

/** The context of every Markdown cell of `notebook`, in one pass over its cells. */
export function notebookContexts(notebook: vscode.NotebookDocument, formulasOf: FormulasOf): Map<vscode.TextDocument, CellContext> {
  const cells = markdownCells(notebook);
  const formulas = cells.map((c) => formulasOf(c.document));
  const labelled = formulas.map((f) => core().equationLabels(f));
  const labels = new Set(labelled.flatMap((list) => list.map((l) => l.key)));
  const contexts = new Map<vscode.TextDocument, CellContext>();
  let macros: Record<string, readonly [string, number]> = {};
  cells.forEach((cell, i) => {
    const before = macros;
    const named = new Set<string>();
    for (const f of formulas[i]!) for (const m of f.tex.matchAll(REFERENCE)) if (labels.has(m[1]!.trim())) named.add(m[1]!.trim());
    contexts.set(cell.document, {
      macros: before,
      labels,
      otherLabels: () =>
        cells.flatMap((other, j) =>
          j === i
            ? []
            : labelled[j]!.map((l) => ({ key: l.key, formula: formulas[j]![l.formulaIndex]!, where: `cell ${other.index + 1}` })),
        ),
      key: JSON.stringify([before, [...named].sort()]),
    });
    const defined = core()
      .userMacros(formulas[i]!, {})
      .filter((m) => !m.environment);
    if (defined.length) {
      macros = { ...macros };
      for (const m of defined) macros[m.name] = [m.definition, m.args];
    }
  });
  return contexts;
}

/** The notebook a cell document belongs to. */
export function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === document));
}

/** `formulasOf(document)`: the formulas of a cell, from the parse it shares with the renderer. */
export function cellContext(document: vscode.TextDocument, formulasOf: FormulasOf): CellContext | undefined {
  const notebook = notebookOf(document);
  return notebook && notebookContexts(notebook, formulasOf).get(document);
}

/**
 * The formulas of cells from the shared parse cache, kept per cell version: a notebook has more
 * cells than the parse cache keeps documents, and every cell's context reads all of them.
 */
export function cellFormulas(parses: () => ParseCache, mathOf: (cell: vscode.TextDocument) => Partial<MathOptions>): FormulasOf {
  const memo = new WeakMap<vscode.TextDocument, { version: number; math: Partial<MathOptions>; formulas: readonly Formula[] }>();
  return (cell) => {
    const math = mathOf(cell);
    const kept = memo.get(cell);
    if (kept && kept.version === cell.version && kept.math === math) return kept.formulas;
    const formulas = parses().parse(cell.getText(), math, cell.uri.toString()).formulas;
    memo.set(cell, { version: cell.version, math, formulas });
    return formulas;
  };
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
