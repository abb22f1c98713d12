import { Lexer, type Token, type TokensList } from 'marked';
import { NestingLimitedLexer } from './nestingLimitedLexer';
import { InlineMathCandidates, ScanMemo, type ScanOptions } from '../scanner/scanner';

/** One string Marked is lexing (a block container's text or a run of inline text). */
export interface LexContext {
  readonly src: string;
  readonly memo: ScanMemo;
  candidates?: InlineMathCandidates;
}

let active: MathLexer | undefined;

/** The MathLexer currently lexing, for hooks that Marked calls without a lexer (emStrongMask). */
export function activeMathLexer(): MathLexer | undefined {
  return active;
}

/**
 * Marked's lexer, remembering the whole string behind each `src` suffix that Marked hands to
 * extensions. Knowing the string and the position in it lets the scanner share one memo per
 * string (linear time on odd inputs) and mask math for the whole string at once.
 */
export class MathLexer extends NestingLimitedLexer {
  readonly blockContexts: LexContext[] = [];
  readonly inlineContexts: LexContext[] = [];

  override lex(src: string): TokensList {
    const previous = active;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the lexer being run, for the extensions Marked calls without it
    active = this;
    try {
      return super.lex(src);
    } finally {
      active = previous;
    }
  }

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens?: Token[] | TokensList, lastParagraphClipped?: boolean): Token[] | TokensList {
    this.blockContexts.push({ src, memo: new ScanMemo() });
    try {
      return super.blockTokens(src, tokens as Token[], lastParagraphClipped);
    } finally {
      this.blockContexts.pop();
    }
  }

  override inlineTokens(src: string, tokens?: Token[]): Token[] {
    this.inlineContexts.push({ src, memo: new ScanMemo() });
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      this.inlineContexts.pop();
    }
  }
}

/** Where a `src` suffix handed to an extension sits in the string being lexed. */
export interface Located {
  readonly text: string;
  readonly pos: number;
  readonly context: LexContext | undefined;
}

export function locate(lexer: Lexer, src: string, level: 'block' | 'inline'): Located {
  if (lexer instanceof MathLexer) {
    const context = (level === 'block' ? lexer.blockContexts : lexer.inlineContexts).at(-1);
    if (context && context.src.length >= src.length) {
      const pos = context.src.length - src.length;
      if (src.length === 0 || (context.src.charCodeAt(pos) === src.charCodeAt(0) && context.src.endsWith(src.slice(-1)))) {
        return { text: context.src, pos, context };
      }
    }
  }
  return { text: src, pos: 0, context: undefined };
}

export function inlineCandidates(context: LexContext, options: ScanOptions): InlineMathCandidates {
  context.candidates ??= new InlineMathCandidates(context.src, options);
  return context.candidates;
}
