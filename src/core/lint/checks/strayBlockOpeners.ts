import { MATH_ENVIRONMENTS } from '../../scanner/scannerEnvironments';
import type { LintContext } from '../types';
import { isEscaped, proseMask } from './proseMask';

/** The environments that open display math at the start of a block: the scanner's. */
const MATH_ENVS = [...MATH_ENVIRONMENTS].join('|');
export const OPENER = new RegExp(
  String.raw`^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*(\$\$|\\\[|\\begin\{((?:${MATH_ENVS})\*?)\})`,
);

/** A closer farther than this is taken to belong to something else: the opener is unclosed. */
const MAX_BLANK_LINES = 3;
export const MAX_LINES = 40;

/** The closer that an `OPENER` match waits for. */
export function closerOf(m: RegExpExecArray): string {
  return m[1] === '$$' ? '$$' : m[1] === '\\[' ? '\\]' : `\\end{${m[2]}}`;
}

export interface BlockOpener {
  offset: number;
  opener: string;
  closer: string;
  /** Offset of the closer, if one follows (outside other math). */
  closerAt?: number;
  /** Offsets of the blank lines (line starts) between opener and closer. */
  blankLines: number[];
}

/**
 * Display-math openers at the start of a line that did not become a formula: a `$$`, `\[` or
 * `\begin{env}` with no closer before the next blank line. Reports where the closer is, if any.
 */
export function strayBlockOpeners(ctx: LintContext): BlockOpener[] {
  const { text, lines } = ctx;
  const prose = proseMask(ctx);
  const out: BlockOpener[] = [];
  const enabled = (o: string) =>
    o === '$$'
      ? ctx.math.delimiters.includes('dollars')
      : o === '\\['
        ? ctx.math.delimiters.includes('brackets')
        : ctx.math.delimiters.includes('environments');
  const consumed = new Set<number>();
  for (let line = 0; line < lines.lineCount; line++) {
    const m = OPENER.exec(lines.lineText(line));
    if (!m) continue;
    const offset = lines.starts[line] + m[0].length - m[1].length;
    if (consumed.has(offset) || !enabled(m[1]) || !prose.isProse(offset) || isEscaped(text, offset)) continue;
    const closer = closerOf(m);
    const found: BlockOpener = { offset, opener: m[1], closer, blankLines: [] };
    for (let at = text.indexOf(closer, offset + m[1].length); at >= 0; at = text.indexOf(closer, at + 1)) {
      if (isEscaped(text, at)) continue;
      if (!prose.isProse(at)) break;
      found.closerAt = at;
      break;
    }
    if (found.closerAt !== undefined) {
      const closerLine = lines.lineOf(found.closerAt);
      for (let l = line + 1; l <= closerLine; l++) {
        if (/^[ \t>]*$/.test(lines.lineText(l))) found.blankLines.push(lines.starts[l]);
      }
      if (!found.blankLines.length) continue;
      if (found.blankLines.length > MAX_BLANK_LINES || closerLine - line > MAX_LINES) {
        delete found.closerAt;
        found.blankLines = [];
      } else consumed.add(found.closerAt);
    }
    out.push(found);
  }
  return out;
}
