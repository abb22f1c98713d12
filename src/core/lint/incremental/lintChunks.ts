// Where a document can be cut so that each piece lints alone exactly as it does in the whole: only
// between blocks that every reading of the text (Mathdown's, and a renderer without math) agrees
// on. The cut is conservative: anything that may carry over a blank line (a fence, an HTML block
// that ends at its own marker, a display-math opener and its closer, a formula, front matter, link
// reference definitions that reach across the document) keeps the text in one piece.
import { frontMatterLength } from '../../markdown/frontMatter';
import type { Formula } from '../../types';
import { isEscaped } from '../checks/proseMask';
import { closerOf, MAX_LINES, OPENER } from '../checks/strayBlockOpeners';

export interface LintChunk {
  /** Offsets of the piece in the document: `start` at a line start, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based line of `start`. */
  readonly line: number;
}

/** `[label]: destination` (and `[^note]: …`): a definition any other block may use. */
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
/** A line that starts a new paragraph or heading after a blank line, in any reading: it cannot continue a list item or quote. */
const FRESH_START = /^[A-Za-z#]/;
const BLANK = /^[ \t\r]*$/;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;
/** HTML blocks that a blank line does not end (CommonMark's kinds 1–5), with what ends each. */
const HTML_BLOCKS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** The document cut into pieces that lint alone as in the whole; one piece when no cut is certain. */
export function lintChunks(text: string, formulas: readonly Formula[]): LintChunk[] {
  if (LINK_DEFINITION.test(text)) return [{ start: 0, end: text.length, line: 0 }];
  const chunks: LintChunk[] = [];
  const noCutBefore = frontMatterLength(text);
  let chunkStart = 0;
  let chunkLine = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  /** No cut before this offset: a display-math opener above may be closed by it (as MM106 reads them). */
  let blockedUntil = -1;
  let previousBlank = false;
  let f = 0;
  let line = 0;
  for (let at = 0; at < text.length; line++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    const lineText = text.slice(at, nl < 0 ? text.length : nl);
    while (f < formulas.length && formulas[f]!.endOffset <= at) f++;
    const insideFormula = f < formulas.length && formulas[f]!.offset < at;
    if (
      previousBlank &&
      !fence &&
      !htmlEnd &&
      !insideFormula &&
      at > chunkStart &&
      at >= noCutBefore &&
      at > blockedUntil &&
      FRESH_START.test(lineText)
    ) {
      chunks.push({ start: chunkStart, end: at, line: chunkLine });
      chunkStart = at;
      chunkLine = line;
    }
    // Cheap tests first: most lines hold no fence, HTML or display-math opener.
    const maybeFence = lineText.includes('``') || lineText.includes('~~');
    if (fence) {
      const m = maybeFence ? FENCE.exec(lineText) : null;
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && BLANK.test(lineText.slice(m[0].length))) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(lineText)) htmlEnd = undefined;
    } else {
      const m = maybeFence ? FENCE.exec(lineText) : null;
      if (m) fence = { char: m[1]![0]!, length: m[1]!.length };
      else if (lineText.includes('<')) {
        const html = HTML_BLOCKS.find(([opens]) => opens.test(lineText));
        if (html) {
          const after = lineText.slice((html[0].exec(lineText)?.index ?? 0) + 2);
          if (!html[1].test(after)) htmlEnd = html[1];
        }
      }
    }
    // MM106 pairs an opener at a line start with the next unescaped closer up to MAX_LINES below,
    // blank lines or not: no cut may come between them.
    const opener = lineText.includes('$$') || lineText.includes('\\') ? OPENER.exec(lineText) : null;
    if (opener) {
      const from = at + opener[0].length;
      const closer = closerOf(opener);
      let closedAt = text.indexOf(closer, from);
      while (closedAt >= 0 && isEscaped(text, closedAt)) closedAt = text.indexOf(closer, closedAt + 1);
      if (closedAt >= 0 && countLines(text, at, closedAt) <= MAX_LINES) blockedUntil = Math.max(blockedUntil, closedAt);
    }
    previousBlank = BLANK.test(lineText);
    at = end;
  }
  chunks.push({ start: chunkStart, end: text.length, line: chunkLine });
  return chunks;
}

/** Line breaks in `text[from, to)`, counted no further than needed. */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to && n <= MAX_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
