// The labels a document's formulas define, by key, and the reference at a place in the text: what
// completion, hover and a notebook's cross-cell references read. Read as labelSites reads them (the
// same commands, comments left out, keys as MathJax reads them), without the places labelSites finds.
import type { Formula } from '../types';
import { LABEL_COMMANDS, withoutComments } from './labelSites';

export interface EquationLabel {
  key: string;
  formulaIndex: number;
}

/** Every label the formulas define (`\label{…}`, MyST's `(key)` and `:label:`), in document order. */
export function equationLabels(formulas: readonly Formula[]): EquationLabel[] {
  const out: EquationLabel[] = [];
  formulas.forEach((f, formulaIndex) => {
    if (f.delimiter === 'ref' || f.delimiter === '{eq}') return;
    if (f.label !== undefined) out.push({ key: f.label, formulaIndex });
    if (!f.tex.includes('\\label')) return;
    for (const m of withoutComments(f.tex).matchAll(LABEL_COMMANDS)) if (m[1] === 'label') out.push({ key: m[2]!.trim(), formulaIndex });
  });
  return out;
}

/** The `\eqref{key}` / `\ref{key}` whose text holds `offset`, with its span in the document. */
export function referenceAt(text: string, offset: number): { key: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  for (const m of line.matchAll(/\\(?:eq)?ref\s*\{([^{}]*)\}/g)) {
    const start = lineStart + m.index;
    const end = start + m[0].length;
    if (start <= offset && offset <= end) return { key: m[1]!.trim(), start, end };
  }
  return undefined;
}
