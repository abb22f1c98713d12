import type { Formula } from '../types';
import type { MathDocument } from './mathDocument';

export interface MathContext {
  index: number;
  formula: Formula;
}

const CLOSER_LENGTH: Partial<Record<Formula['delimiter'], number>> = {
  $: 1,
  $$: 2,
  '\\(': 2,
  '\\[': 2,
  '\\\\(': 3,
  '\\\\[': 3,
  '$`': 2,
  env: 0,
  ref: 0,
};

/**
 * The formula the cursor at `offset` is inside, counting a cursor between the TeX and its closing
 * delimiter (`$x|$`) as inside and one on a delimiter's outer side (`|$x$`, `$x$|`) as outside.
 */
export function mathContextAt(doc: MathDocument, offset: number): MathContext | undefined {
  for (const probe of [offset, offset - 1]) {
    const index = doc.formulaIndexAt(probe);
    if (index < 0) continue;
    const formula = doc.formulas[index]!;
    if (offset >= formula.texOffset && offset <= texEnd(doc.text, formula)) return { index, formula };
  }
  return undefined;
}

/** Offset just after the formula's TeX in the document (before its closing delimiter). */
export function texEnd(text: string, formula: Formula): number {
  if (formula.delimiter === 'math-fence') {
    const lastBreak = text.lastIndexOf('\n', formula.endOffset - 1);
    return lastBreak > formula.texOffset ? lastBreak : formula.endOffset;
  }
  return formula.endOffset - (CLOSER_LENGTH[formula.delimiter] ?? 0);
}
