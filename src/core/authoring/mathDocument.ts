import { formulaAt, parseMarkdown, type ParsedDocument } from '../markdown';
import type { Formula, MathOptions } from '../types';

/** The formulas of one Markdown text, as the core's scanner finds them. */
export interface MathDocument {
  readonly text: string;
  readonly formulas: readonly Formula[];
  /** Index of the formula whose span (delimiters included) holds `offset`, or -1. */
  formulaIndexAt(offset: number): number;
  /** The delimiter settings the formulas were found with. */
  readonly math?: Partial<MathOptions>;
  /** Equations labelled outside this text that its references may name (a notebook's other cells). */
  readonly otherLabels?: readonly OtherLabel[];
}

/** A `\label` defined in another text read with this one: its key, its formula, and where that is ("cell 3"). */
export interface OtherLabel {
  readonly key: string;
  readonly formula: Formula;
  readonly where: string;
}

export function parseMathDocument(text: string, math?: Partial<MathOptions>): MathDocument {
  return mathDocumentOf(parseMarkdown(text, math), math);
}

/** The math document of a parse (one from a `ParseCache`, shared with the document's other readers). */
export function mathDocumentOf(doc: ParsedDocument, math?: Partial<MathOptions>): MathDocument {
  // Its formulas, not its tokens: a later parse of the document may move the tokens, never the formulas.
  const { text, formulas } = doc;
  return { text, formulas, formulaIndexAt: (offset) => formulaAt({ formulas }, offset), ...(math ? { math } : {}) };
}
