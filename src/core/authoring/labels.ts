import type { Formula } from '../types';

export interface EquationLabel {
  key: string;
  formulaIndex: number;
}

/** Every `\label{…}` in the formulas, in document order. */
export function equationLabels(formulas: readonly Formula[]): EquationLabel[] {
  const out: EquationLabel[] = [];
  formulas.forEach((f, formulaIndex) => {
    if (f.delimiter === 'ref' || f.delimiter === '{eq}') return;
    if (f.label !== undefined) out.push({ key: f.label, formulaIndex });
    for (const m of f.tex.matchAll(/\\label\s*\{([^{}]*)\}/g)) out.push({ key: m[1]!, formulaIndex });
  });
  return out;
}

/** The `\eqref{key}` / `\ref{key}` whose text holds `offset`, with its span in the document. */
export function referenceAt(text: string, offset: number): { key: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  for (const m of line.matchAll(/\\(?:eq)?ref\s*\{([^{}]*)\}/g)) {
    const start = lineStart + m.index!;
    const end = start + m[0].length;
    if (start <= offset && offset <= end) return { key: m[1]!.trim(), start, end };
  }
  return undefined;
}
