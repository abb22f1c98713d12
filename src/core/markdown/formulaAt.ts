import type { ParsedDocument } from './parsedDocument';

/** Index of the formula whose span [offset, endOffset) contains `offset`, or -1 ("is the cursor inside math?"). */
export function formulaAt(doc: Pick<ParsedDocument, 'formulas'>, offset: number): number {
  const formulas = doc.formulas;
  let lo = 0;
  let hi = formulas.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (formulas[mid]!.offset <= offset) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best >= 0 && offset < formulas[best]!.endOffset ? best : -1;
}
