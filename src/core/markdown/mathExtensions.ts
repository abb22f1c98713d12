import type { TokenizerExtension } from 'marked';
import { matchBlockMath, matchInlineMath, nextBlockMathLine, type MathMatch, type ScanOptions } from '../math/scanner';
import { inlineCandidates, locate } from './mathLexer';
import type { MathToken } from './mathToken';

/** Display-math blocks: `$$`, `\[`, `\\[`, `\begin{env}` on lines of their own, and math fences. */
export function blockMathExtension(options: ScanOptions): TokenizerExtension {
  return {
    name: 'math',
    level: 'block',
    start(src) {
      const at = locate(this.lexer, src, 'block');
      // Marked passes the paragraph text from its second character on: a line start here is
      // where the paragraph must stop so that the block tokenizer gets its turn.
      const line = nextBlockMathLine(at.text, at.pos, options, at.context?.memo);
      return line < 0 ? undefined : line - at.pos;
    },
    tokenizer(src) {
      const at = locate(this.lexer, src, 'block');
      const m = matchBlockMath(at.text, at.pos, options, at.context?.memo);
      if (!m) return undefined;
      return mathToken(at.text.slice(at.pos, m.blockEnd), m, at.pos, true);
    },
  };
}

/** Inline math (and display math in running text): `$…$`, `$$…$$`, `\(…\)`, `\[…\]`, `` $`…`$ ``, refs. */
export function inlineMathExtension(options: ScanOptions): TokenizerExtension {
  return {
    name: 'math',
    level: 'inline',
    start(src) {
      const at = locate(this.lexer, src, 'inline');
      if (!at.context) {
        const dollar = src.search(/[$\\]/);
        return dollar < 0 ? undefined : dollar;
      }
      const next = inlineCandidates(at.context, options).next(at.pos);
      return next < 0 ? undefined : next - at.pos;
    },
    tokenizer(src) {
      const at = locate(this.lexer, src, 'inline');
      const m = matchInlineMath(at.text, at.pos, options, at.context?.memo);
      if (!m) return undefined;
      return mathToken(at.text.slice(m.start, m.end), m, m.start, false);
    },
  };
}

function mathToken(raw: string, m: MathMatch, rawStart: number, block: boolean): MathToken {
  return {
    type: 'math',
    raw,
    tex: m.tex,
    delimiter: m.delimiter,
    display: m.display,
    block,
    formulaIndex: -1,
    startInRaw: m.start - rawStart,
    texStartInRaw: m.texStart - rawStart,
    endInRaw: m.end - rawStart,
  };
}
