import type { Delimiter } from '../types';

/** One math span found by the scanner, as offsets into the scanned string. */
export interface MathMatch {
  /** Offset of the opening delimiter. */
  readonly start: number;
  /** Offset just after the closing delimiter. */
  readonly end: number;
  /** Offset of the TeX's first character. */
  readonly texStart: number;
  /** Offset just after the TeX's last character. */
  readonly texEnd: number;
  /** The TeX handed to MathJax (a slice of the scanned string, except for indented math fences). */
  readonly tex: string;
  readonly delimiter: Delimiter;
  readonly display: boolean;
  /** MyST: the label of a labelled display equation. */
  readonly label?: string;
}

/** A display-math block: the match plus the end of the last source line it occupies (newline included). */
export interface BlockMathMatch extends MathMatch {
  readonly blockEnd: number;
}
