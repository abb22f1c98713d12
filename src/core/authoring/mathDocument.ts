import { formulaAt, parseMarkdown } from '../markdown';
import type { Formula, MathOptions } from '../types';

/** The formulas of one Markdown text, as the core's scanner finds them. */
export interface MathDocument {
  readonly text: string;
  readonly formulas: readonly Formula[];
  /** Index of the formula whose span (delimiters included) holds `offset`, or -1. */
  formulaIndexAt(offset: number): number;
  /** The delimiter settings the formulas were found with. */
  readonly math?: Partial<MathOptions>;
}

export function parseMathDocument(text: string, math?: Partial<MathOptions>): MathDocument {
  const doc = parseMarkdown(text, math);
  return { text, formulas: doc.formulas, formulaIndexAt: (offset) => formulaAt(doc, offset), ...(math ? { math } : {}) };
}
