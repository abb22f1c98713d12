import type { Delimiter } from '../types';
import { findCloser, findVerbatimCloser } from './scannerCloser';
import type { MathMatch } from './scannerMatch';
import type { ScanMemo } from './scannerMemo';
import type { ScanOptions } from './scannerOptions';
import { matchMystRole } from './scannerMyst';

const DOLLAR = 36;
const BACKSLASH = 92;
const BACKTICK = 96;
const OPEN_PAREN = 40;
const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;
const REFERENCE = /\\(?:eq)?ref\{[^{}\n]+\}/y;

/** Does `c` count as whitespace next to a `$` (pandoc: any Unicode space)? */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && /\s/.test(String.fromCharCode(c))) || c === 11 || c === 12;
}

/**
 * The inline math span that opens exactly at `pos`, or null (math-syntax.md, "Inline math").
 * `memo` should be shared by all calls over the same string, in increasing `pos` order:
 * it keeps runs of unclosed openers linear and remembers `$$` that opened nothing.
 */
export function matchInlineMath(src: string, pos: number, options: ScanOptions, memo?: ScanMemo): MathMatch | null {
  const c = src.charCodeAt(pos);
  if (c === DOLLAR) return matchDollar(src, pos, options, memo);
  if (c === BACKSLASH) return matchBackslash(src, pos, options, memo);
  if (c === OPEN_BRACE && options.myst) return matchMystRole(src, pos);
  return null;
}

function matchDollar(src: string, pos: number, options: ScanOptions, memo?: ScanMemo): MathMatch | null {
  // The second `$` of a `$$` that opened nothing is literal as well.
  if (memo !== undefined && ((pos > 0 && memo.failedDoubleDollarAt === pos - 1) || pos < memo.literalDollarsUntil)) return null;
  const next = src.charCodeAt(pos + 1);
  const run = dollarRun(src, pos);
  if (run >= 4) {
    if (memo) memo.literalDollarsUntil = pos + run;
    return null;
  }
  if (options.gfm && next === BACKTICK) {
    const gfm = matchBetween(src, pos, '$`', '`$', '$`', false, memo, true);
    if (gfm) return gfm;
  }
  if (!options.dollars) return null;
  if (next === DOLLAR) {
    const display = matchBetween(src, pos, '$$', '$$', '$$', options.doubleDollarDisplay, memo, false);
    if (!display && memo) memo.failedDoubleDollarAt = pos;
    return display;
  }
  const texStart = pos + 1;
  if (options.myst) return matchMystDollar(src, pos, memo);
  if (texStart >= src.length || isSpaceCode(next)) return null;
  const close = findCloser(src, texStart, '$', memo);
  if (close < 0 || isSpaceCode(src.charCodeAt(close - 1)) || isAsciiDigit(src.charCodeAt(close + 1))) return null;
  return span(src, pos, close + 1, texStart, close, '$', false);
}

/**
 * MyST's `$…$` (markdown-it-dollarmath as MyST configures it: `allow_space`, `allow_digits`): the
 * closer is the next unescaped `$`, whatever stands around it; the content must not be empty.
 */
function matchMystDollar(src: string, pos: number, memo?: ScanMemo): MathMatch | null {
  const close = findCloser(src, pos + 1, '$', memo);
  return close > pos + 1 ? span(src, pos, close + 1, pos + 1, close, '$', false) : null;
}

function matchBackslash(src: string, pos: number, options: ScanOptions, memo?: ScanMemo): MathMatch | null {
  const next = src.charCodeAt(pos + 1);
  if (options.brackets) {
    if (next === OPEN_PAREN) return matchBetween(src, pos, '\\(', '\\)', '\\(', false, memo, false);
    if (next === OPEN_BRACKET) return matchBetween(src, pos, '\\[', '\\]', '\\[', true, memo, false);
  }
  if (options.doubleBackslash && next === BACKSLASH) {
    const third = src.charCodeAt(pos + 2);
    if (third === OPEN_PAREN) return matchBetween(src, pos, '\\\\(', '\\\\)', '\\\\(', false, memo, false);
    if (third === OPEN_BRACKET) return matchBetween(src, pos, '\\\\[', '\\\\]', '\\\\[', true, memo, false);
  }
  REFERENCE.lastIndex = pos;
  const ref = REFERENCE.exec(src);
  return ref ? span(src, pos, pos + ref[0].length, pos, pos + ref[0].length, 'ref', false) : null;
}

function matchBetween(
  src: string,
  pos: number,
  open: string,
  close: string,
  delimiter: Delimiter,
  display: boolean,
  memo: ScanMemo | undefined,
  verbatim: boolean,
): MathMatch | null {
  const texStart = pos + open.length;
  const at = verbatim ? findVerbatimCloser(src, texStart, close, memo) : findCloser(src, texStart, close, memo);
  if (at <= texStart) return null;
  return span(src, pos, at + close.length, texStart, at, delimiter, display);
}

function span(
  src: string,
  start: number,
  end: number,
  texStart: number,
  texEnd: number,
  delimiter: Delimiter,
  display: boolean,
): MathMatch {
  return { start, end, texStart, texEnd, tex: src.slice(texStart, texEnd), delimiter, display };
}

/** Length of the run of `$` starting at `pos`. */
export function dollarRun(src: string, pos: number): number {
  let end = pos;
  while (src.charCodeAt(end) === DOLLAR) end++;
  return end - pos;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Finds the next offset where inline math could open, for Marked's `start()`:
 * the text tokenizer must stop there or it swallows the opener. Queries must not go backwards
 * (Marked's position only moves forward), which keeps the total cost linear.
 */
export class InlineMathCandidates {
  #dollar = -1;
  #backslash = -1;
  #from = -1;
  readonly #src: string;
  readonly #dollars: boolean;
  /** MyST roles open at `{`. */
  #brace = -1;
  readonly #roles: boolean;

  constructor(src: string, options: ScanOptions) {
    this.#src = src;
    this.#dollars = options.dollars || options.gfm;
    this.#roles = options.myst;
    if (!this.#roles) this.#brace = Infinity;
  }

  /** The smallest candidate offset >= `from`, or -1. */
  next(from: number): number {
    if (from < this.#from) {
      this.#dollar = this.#backslash = -1;
      this.#brace = this.#roles ? -1 : Infinity;
    }
    this.#from = from;
    if (this.#dollars && this.#dollar !== Infinity && this.#dollar < from) this.#dollar = nextIndex(this.#src, '$', from);
    if (this.#backslash !== Infinity && this.#backslash < from) this.#backslash = nextIndex(this.#src, '\\', from);
    if (this.#brace !== Infinity && this.#brace < from) this.#brace = nextIndex(this.#src, '{', from);
    const best = Math.min(this.#dollars ? this.#dollar : Infinity, this.#backslash, this.#brace);
    return best === Infinity ? -1 : best;
  }
}

function nextIndex(src: string, char: string, from: number): number {
  const at = src.indexOf(char, from);
  return at < 0 ? Infinity : at;
}
