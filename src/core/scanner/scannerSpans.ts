import { lowerBound } from '../../shared/binarySearch';
import { matchEnvironmentMath } from './scannerBlock';
import { matchInlineMath } from './scannerInline';
import type { MathMatch } from './scannerMatch';
import { ScanMemo } from './scannerMemo';
import type { ScanOptions } from './scannerOptions';

const DOLLAR = 36;
const BACKSLASH = 92;
const BACKTICK = 96;
const LESS_THAN = 60;
const OPEN_BRACE = 123;
const TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>$/;
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>$/;

/**
 * All inline math spans of one run of inline text (a paragraph, a heading, a table cell), leftmost
 * first: a code span, raw HTML tag or autolink that opens before a `$` hides it, and math that
 * opens before a backtick hides the backtick. Linear in the input length.
 *
 * With `environmentsAtLineStart` (a paragraph's text), `\begin{env}` at the start of a line opens
 * display math as well, as the Marked extension reads it.
 *
 * Marked's own lexing (links, URLs) decides the final tokens; this pass serves the places that
 * need every span of a string at once: masking math from emphasis, and tools over raw text.
 */
export function findInlineMathSpans(src: string, options: ScanOptions, environmentsAtLineStart = false): MathMatch[] {
  const spans: MathMatch[] = [];
  const memo = new ScanMemo();
  const codeSpans = new CodeSpanCloser(src);
  let commentCloser = -2;
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === DOLLAR || c === BACKSLASH) {
      const env = environmentsAtLineStart && options.environments && c === BACKSLASH && startsLine(src, i);
      const m = (env ? matchEnvironmentMath(src, i, memo) : null) ?? matchInlineMath(src, i, options, memo);
      if (m) {
        spans.push(m);
        i = m.end;
      } else {
        i += c === BACKSLASH || memo.failedDoubleDollarAt === i ? 2 : Math.max(1, memo.literalDollarsUntil - i);
      }
    } else if (c === OPEN_BRACE && options.myst) {
      const m = matchInlineMath(src, i, options, memo);
      if (m) spans.push(m);
      i = m ? m.end : i + 1;
    } else if (c === BACKTICK) {
      i = codeSpans.skip(i);
    } else if (c === LESS_THAN) {
      if (src.startsWith('<!--', i)) {
        if (commentCloser !== -1 && commentCloser < i) commentCloser = src.indexOf('-->', i + 4);
        i = commentCloser < 0 ? i + 1 : commentCloser + 3;
      } else {
        i = skipTag(src, i);
      }
    } else {
      i++;
    }
  }
  return spans;
}

/** Is `pos` preceded only by up to three spaces on its line? */
export function startsLine(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && pos - i < 3 && text.charCodeAt(i - 1) === 32) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10;
}

function skipTag(src: string, start: number): number {
  let j = start + 1;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (c === LESS_THAN) return start + 1;
    if (c === 62) {
      const candidate = src.slice(start, j + 1);
      return TAG.test(candidate) || AUTOLINK.test(candidate) ? j + 1 : start + 1;
    }
    j++;
  }
  return start + 1;
}

/** Finds the closing backtick run of a code span (CommonMark: the next run of exactly the same length). */
class CodeSpanCloser {
  readonly #src: string;
  #runsByLength: Map<number, number[]> | undefined;

  constructor(src: string) {
    this.#src = src;
  }

  /** Offset after the code span opening at `start`, or after the backtick run when it opens nothing. */
  skip(start: number): number {
    let length = 0;
    while (this.#src.charCodeAt(start + length) === BACKTICK) length++;
    const runs = this.#runs().get(length);
    if (runs) {
      const closer = firstAtLeast(runs, start + length);
      if (closer >= 0) return closer + length;
    }
    return start + length;
  }

  #runs(): Map<number, number[]> {
    if (this.#runsByLength) return this.#runsByLength;
    const runs = new Map<number, number[]>();
    const src = this.#src;
    for (let i = src.indexOf('`'); i >= 0;) {
      let end = i;
      while (src.charCodeAt(end) === BACKTICK) end++;
      const list = runs.get(end - i);
      if (list) list.push(i);
      else runs.set(end - i, [i]);
      i = src.indexOf('`', end);
    }
    this.#runsByLength = runs;
    return runs;
  }
}

/** First value >= `min` in an ascending array, or -1. */
function firstAtLeast(sorted: readonly number[], min: number): number {
  return sorted[lowerBound(sorted, min)] ?? -1;
}
