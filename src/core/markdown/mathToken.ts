import type { Token, Tokens } from 'marked';
import type { Delimiter } from '../types';

/** A formula in Marked's token tree (block or inline). Offsets `*InRaw` are relative to `raw`. */
export interface MathToken extends Tokens.Generic {
  type: 'math';
  raw: string;
  tex: string;
  delimiter: Delimiter;
  display: boolean;
  /** A display block of its own (rendered as a div), as opposed to math inside running text. */
  block: boolean;
  /** Index into `ParsedDocument.formulas`; -1 until positions are computed. */
  formulaIndex: number;
  startInRaw: number;
  texStartInRaw: number;
  endInRaw: number;
  /** MyST: the label of a labelled display equation. */
  label?: string;
  /** Document offsets (original text), set with `formulaIndex`. */
  offset?: number;
  texOffset?: number;
  endOffset?: number;
}

/** Block tokens (and list items) carry the 0-based source line where they start. */
export interface SourceLineField {
  sourceLine?: number;
}

export function isMathToken(token: Token): token is MathToken {
  return token.type === 'math';
}
