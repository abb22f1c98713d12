import type { TokensList } from 'marked';
import type { Formula } from '../types';

/** A Markdown document lexed with the math extensions. */
export interface ParsedDocument {
  /** The original text. */
  text: string;
  /** Marked tokens; every formula is a token of type `math` with a numeric `formulaIndex`, block tokens carry `sourceLine`. */
  tokens: TokensList;
  /** Every formula in document order, with exact positions in `text`. */
  formulas: Formula[];
  lineCount: number;
}
