import { lastIndexWhere } from '../../shared/binarySearch';
import type { ParsedDocument } from './parsedDocument';

/** Index of the formula whose span [offset, endOffset) contains `offset`, or -1 ("is the cursor inside math?"). */
export function formulaAt(doc: Pick<ParsedDocument, 'formulas'>, offset: number): number {
  const formulas = doc.formulas;
  const best = lastIndexWhere(formulas, (f) => f.offset <= offset);
  return best >= 0 && offset < formulas[best]!.endOffset ? best : -1;
}
