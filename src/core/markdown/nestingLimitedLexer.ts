import { Lexer, type Token, type TokensList } from 'marked';

/** Block containers (quotes, list items) nested deeper than this are not lexed as containers. */
export const MAX_BLOCK_NESTING = 64;

/**
 * Marked's lexer, except that a container nested deeper than MAX_BLOCK_NESTING stays one
 * paragraph of text: Marked recurses once per level, so hostile input (`> > > …`, thousands deep)
 * would otherwise overflow the stack. No real document nests this deep.
 */
export class NestingLimitedLexer extends Lexer {
  #depth = 0;

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens?: Token[] | TokensList, lastParagraphClipped?: boolean): Token[] | TokensList {
    if (this.#depth >= MAX_BLOCK_NESTING) {
      const out = tokens ?? [];
      const text = src.replace(/\n+$/, '');
      if (text) out.push({ type: 'paragraph', raw: src, text, tokens: this.inline(text) });
      return out;
    }
    this.#depth++;
    try {
      return super.blockTokens(src, tokens as Token[], lastParagraphClipped);
    } finally {
      this.#depth--;
    }
  }
}
