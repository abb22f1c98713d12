import type { TokenizerExtension } from 'marked';
import {
  matchBlockMath,
  matchEnvironmentMath,
  matchInlineMath,
  nextBlockMathLine,
  startsLine,
  type MathMatch,
  type ScanOptions,
} from '../scanner/scanner';
import { inlineCandidates, locate, MathLexer } from './mathLexer';
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
      const candidates = inlineCandidates(at.context, options);
      const memo = at.context.memo;
      let next = candidates.next(at.pos);
      // Skip what the scanner already knows to be literal (`$$$$…` runs, a failed `$$`).
      if (next >= 0 && next < memo.literalDollarsUntil) next = candidates.next(memo.literalDollarsUntil);
      if (next >= 0 && next === memo.failedDoubleDollarAt + 1) next = candidates.next(next + 1);
      return next < 0 ? undefined : next - at.pos;
    },
    tokenizer(src) {
      const at = locate(this.lexer, src, 'inline');
      // An environment at the start of a line of a paragraph opens display math, as at a block
      // start: Marked may have assembled the paragraph from pieces the block tokenizer saw
      // separately (lazy block-quote lines), so that it could not match the whole environment.
      const lineStart =
        options.environments && this.lexer instanceof MathLexer && this.lexer.inlineContexts.length === 1 && startsLine(at.text, at.pos);
      const m =
        (lineStart ? matchEnvironmentMath(at.text, at.pos, at.context?.memo) : null) ??
        matchInlineMath(at.text, at.pos, options, at.context?.memo);
      if (!m) return undefined;
      return mathToken(at.text.slice(m.start, m.end), m, m.start, false);
    },
  };
}

/** A math token for the match `m`, whose raw text starts at `rawStart` in the scanned string. */
export function mathToken(raw: string, m: MathMatch, rawStart: number, block: boolean): MathToken {
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
    ...(m.label !== undefined ? { label: m.label } : {}),
  };
}
