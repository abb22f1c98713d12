/** The part of a TexParser that position recovery needs. */
interface ParserPosition {
  string: string;
  i: number;
}

/**
 * Offset in `latex` just after the token where MathJax stopped, recovered from the stack of
 * parsers (innermost first) that is still in place when a TexError leaves the parser.
 * The outermost parser's unread tail is a suffix of the source (macro expansion rewrites the
 * head), so its position is measured from the end; sub-parsers work on substrings found just
 * before their parent's position. Inside a user macro's body the result stays at the use site.
 */
export function locateTexError(parsers: readonly ParserPosition[], latex: string): number | undefined {
  const outerFirst = parsers.slice().reverse();
  const outer = outerFirst[0];
  if (!outer) return undefined;
  let offset = latex.length - (outer.string.length - outer.i);
  for (const parser of outerFirst.slice(1)) {
    const at = latex.lastIndexOf(parser.string, offset - parser.string.length);
    if (!parser.string.length || at < 0) break;
    offset = at + Math.min(parser.i, parser.string.length);
  }
  return Math.max(0, Math.min(offset, latex.length));
}
